namespace Influence.Internal;

/// <summary>
/// Per-thread scratch buffers of the series paths: one array per <c>[ThreadStatic]</c> field, grown when a longer
/// series needs it and otherwise reused, so scoring a universe allocates per thread, not per dyad.
/// </summary>
internal static class ThreadBuffer
{
    /// <summary>
    /// The buffer in <paramref name="buffer"/> if it holds at least <paramref name="length"/> values, else a new one
    /// (all zeros, at least 16 long) stored there. A reused buffer keeps what the last caller wrote: clear or
    /// overwrite what you read.
    /// </summary>
    public static T[] Get<T>(ref T[]? buffer, int length)
    {
        if (buffer is null || buffer.Length < length)
        {
            buffer = new T[Math.Max(length, 16)];
        }

        return buffer;
    }
}
