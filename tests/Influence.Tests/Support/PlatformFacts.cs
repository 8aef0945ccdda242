using Xunit;

namespace Influence.Tests.Support;

/// <summary>
/// A fact that needs a Unix system (named pipes, /dev/null, symbolic links to folders). On Windows it is reported as
/// skipped, with the reason, rather than returning early and being reported as passed without checking anything.
/// </summary>
/// <remarks>
/// xUnit 2 (the version the tests use) decides a skip when it discovers the test, from the attribute's
/// <see cref="FactAttribute.Skip"/>; it has no skip from inside the test body (xUnit 3's <c>Assert.Skip</c>,
/// <c>Assert.SkipWhen</c>, <c>Assert.SkipUnless</c>). The condition is known before the test runs, so the attribute
/// is enough.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class UnixFactAttribute : FactAttribute
{
    /// <param name="needs">What the test needs that Windows lacks, for the skip reason ("named pipes").</param>
    public UnixFactAttribute(string needs)
    {
        Needs = needs;
        Skip = Platform.UnixSkipReason(OperatingSystem.IsWindows(), needs);
    }

    /// <summary>What the test needs that Windows lacks.</summary>
    public string Needs { get; }
}

/// <summary>
/// A fact that needs Linux and, where given, a path that exists (a device such as /dev/full, a folder such as
/// /sys/kernel). Elsewhere, or without the path, it is reported as skipped with the reason, rather than passing without
/// checking anything.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class LinuxFactAttribute : FactAttribute
{
    /// <param name="needs">What the test needs of Linux, for the skip reason ("/dev/fd paths to pipes").</param>
    /// <param name="path">A file or folder the test uses; the test is skipped where it does not exist. Null: none.</param>
    public LinuxFactAttribute(string needs, string? path = null)
    {
        Needs = needs;
        Path = path;
        Skip = Platform.LinuxSkipReason(OperatingSystem.IsLinux(), needs, path, System.IO.Path.Exists);
    }

    /// <summary>What the test needs of Linux.</summary>
    public string Needs { get; }

    /// <summary>The file or folder the test uses (null: none).</summary>
    public string? Path { get; }
}

/// <summary>The skip reasons of <see cref="UnixFactAttribute"/> and <see cref="LinuxFactAttribute"/>, testable on any system.</summary>
internal static class Platform
{
    /// <summary>Null on a Unix system; on Windows, why the test is skipped.</summary>
    public static string? UnixSkipReason(bool isWindows, string needs) =>
        isWindows ? $"needs a Unix system ({needs}); this is Windows" : null;

    /// <summary>Null on Linux with <paramref name="path"/> (if any) present; otherwise why the test is skipped.</summary>
    public static string? LinuxSkipReason(bool isLinux, string needs, string? path, Func<string, bool> exists) =>
        !isLinux ? $"needs Linux ({needs}); this is {System.Runtime.InteropServices.RuntimeInformation.OSDescription}"
        : path is not null && !exists(path) ? $"needs {path}, which this Linux system does not have ({needs})"
        : null;
}
