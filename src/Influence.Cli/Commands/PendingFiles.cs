using System.Runtime.InteropServices;

namespace Influence.Cli.Commands;

/// <summary>
/// The temporary files of --out writes under way (".NAME.PID.tmp" beside the file written), deleted when the process is
/// interrupted (Ctrl-C) or asked to end (SIGTERM, SIGHUP, SIGQUIT) before a write is done: the runtime ends the process
/// without running the writing thread's finally blocks, which would otherwise leave the hidden file behind.
/// </summary>
internal sealed class PendingFiles
{
    private static readonly Lazy<PendingFiles> TheProcess = new(() => new PendingFiles().ListenForTheEnd());

    private readonly Lock _gate = new();
    private readonly HashSet<string> _paths = new(StringComparer.Ordinal);
    private readonly List<PosixSignalRegistration> _registrations = [];
    private bool _ending;

    /// <summary>The process's pending files, deleted on Ctrl-C or a request to end (signal handlers registered on first use).</summary>
    public static PendingFiles Process => TheProcess.Value;

    /// <summary>
    /// Creates a temporary file for writing, listed for deletion should the process end before it is moved into place.
    /// Once the process is ending no file is created.
    /// </summary>
    public FileStream Create(string path)
    {
        lock (_gate)
        {
            ThrowIfEnding(path);
            // FileShare.Delete: an interruption may delete the file while it is open (on Windows as on Unix).
            var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read | FileShare.Delete);
            _paths.Add(path);
            return stream;
        }
    }

    /// <summary>Moves a finished temporary file into place, unless the process is ending (when it has been deleted).</summary>
    public void MoveIntoPlace(string temp, string target)
    {
        lock (_gate)
        {
            ThrowIfEnding(target);
            File.Move(temp, target, overwrite: true);
            _paths.Remove(temp);
        }
    }

    /// <summary>Deletes a temporary file that was not moved into place (the write failed) and forgets it.</summary>
    public void Abandon(string temp)
    {
        lock (_gate)
        {
            _paths.Remove(temp);
            DeleteQuietly(temp);
        }
    }

    /// <summary>
    /// What an interruption does: deletes every pending file, and creates and moves no more. The signal handlers call
    /// it and let the process end as it would have.
    /// </summary>
    public void End()
    {
        lock (_gate)
        {
            _ending = true;
            foreach (var path in _paths)
            {
                DeleteQuietly(path);
            }

            _paths.Clear();
        }
    }

    /// <summary>The files pending now (for tests).</summary>
    internal IReadOnlyList<string> Pending
    {
        get
        {
            lock (_gate)
            {
                return [.. _paths];
            }
        }
    }

    private PendingFiles ListenForTheEnd()
    {
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGQUIT, PosixSignal.SIGHUP })
        {
            try
            {
                // Not cancelled: the process then ends as it would have without the handler.
                _registrations.Add(PosixSignalRegistration.Create(signal, _ => End()));
            }
            catch (Exception e) when (e is PlatformNotSupportedException or IOException)
            {
                // A signal this platform does not deliver.
            }
        }

        return this;
    }

    private void ThrowIfEnding(string path)
    {
        if (_ending)
        {
            throw new Common.InputException($"interrupted: {path} was not written");
        }
    }

    private static void DeleteQuietly(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Nothing more can be done for it; the message about the write says what failed.
        }
    }
}
