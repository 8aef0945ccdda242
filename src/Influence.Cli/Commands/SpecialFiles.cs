using System.Runtime.InteropServices;

namespace Influence.Cli.Commands;

/// <summary>
/// Whether an --out path names a file that is not a regular file: a named pipe, a socket, a character or block device,
/// or the process's open pipe (/dev/fd/N under a shell's process substitution). Such a file is written to in place:
/// replacing it with a renamed temporary file would put a plain file where the pipe or device was.
/// </summary>
internal static class SpecialFiles
{
    // The file type bits of a status's mode, as the .NET runtime's own native library (System.Native) gives them on
    // every Unix (it converts the platform's values to these).
    private const int TypeMask = 0xF000;
    private const int Directory = 0x4000;
    private const int Regular = 0x8000;

    /// <summary>
    /// True when <paramref name="path"/>, its links followed, exists and is neither a regular file nor a folder; false
    /// for a regular file, a folder, a path that does not exist, on Windows, and where the status cannot be read.
    /// </summary>
    public static bool IsSpecial(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return false;
        }

        try
        {
            var status = default(FileStatus);
            return Stat(path, ref status) == 0 && (status.Mode & TypeMask) is not (Regular or Directory);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // A runtime without the native library: the paths of devices and streams are still known by name (Common.IsDeviceOrStream).
            return false;
        }
    }

    // The runtime's stat (links followed), as the .NET SDK itself calls it: 0 on success. Only the start of the status
    // is read (its flags, then its mode); the struct is larger than the runtime's so that no version writes past it.
    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, ref FileStatus output);

    [StructLayout(LayoutKind.Sequential, Size = 256)]
    private struct FileStatus
    {
        public int Flags;
        public int Mode;
    }
}
