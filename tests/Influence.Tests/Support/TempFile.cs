namespace Influence.Tests.Support;

/// <summary>A path for a file in the temporary directory that a test may write; deleted when disposed.</summary>
internal sealed class TempFile : IDisposable
{
    /// <summary>A fresh path: <paramref name="prefix"/>, a unique name, then <paramref name="extension"/>.</summary>
    public TempFile(string prefix, string extension) =>
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"{prefix}{Guid.NewGuid():N}{extension}");

    /// <summary>The file's path (the file need not exist).</summary>
    public string Path { get; }

    /// <summary>Deletes the file if it was written.</summary>
    public void Dispose() => File.Delete(Path);
}
