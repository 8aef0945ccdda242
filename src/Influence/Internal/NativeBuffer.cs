using System.Runtime.InteropServices;

namespace Influence.Internal;

/// <summary>
/// A growing byte buffer in native memory, freed on <see cref="Dispose"/>: a large document written once and read
/// once, kept out of the managed heap (as the case reader keeps a case file) and not held on to afterwards. Pages
/// reserved and never written cost nothing, so a generous first capacity is cheap.
/// </summary>
internal sealed unsafe class NativeBuffer : IDisposable
{
    private byte* _bytes;
    private int _capacity;
    private int _written;

    /// <summary>Reserves at least <paramref name="capacity"/> bytes (the buffer grows as needed).</summary>
    public NativeBuffer(int capacity)
    {
        _capacity = Math.Max(capacity, 256);
        _bytes = (byte*)NativeMemory.Alloc((nuint)_capacity);
    }

    /// <summary>The number of bytes written.</summary>
    public int WrittenCount => _written;

    /// <summary>The bytes written (valid until the next write or <see cref="Dispose"/>).</summary>
    public ReadOnlySpan<byte> WrittenSpan => new(_bytes, _written);

    /// <summary>Room for at least <paramref name="sizeHint"/> more bytes, after those written (valid until the next write).</summary>
    public Span<byte> GetSpan(int sizeHint)
    {
        if (sizeHint > _capacity - _written)
        {
            Grow(sizeHint);
        }

        return new(_bytes + _written, _capacity - _written);
    }

    /// <summary>Counts <paramref name="count"/> more bytes of those given by <see cref="GetSpan"/> as written.</summary>
    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, _capacity - _written);
        _written += count;
    }

    /// <summary>Appends bytes.</summary>
    public void Write(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > _capacity - _written)
        {
            Grow(bytes.Length);
        }

        bytes.CopyTo(new Span<byte>(_bytes + _written, bytes.Length));
        _written += bytes.Length;
    }

    /// <summary>Appends a byte.</summary>
    public void Write(byte b)
    {
        if (_written == _capacity)
        {
            Grow(1);
        }

        _bytes[_written++] = b;
    }

    /// <summary>Drops what was written after the first <paramref name="count"/> bytes.</summary>
    public void Truncate(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, _written);
        _written = count;
    }

    /// <summary>Frees the memory; the buffer is empty and unusable after.</summary>
    public void Dispose()
    {
        if (_bytes is not null)
        {
            NativeMemory.Free(_bytes);
            _bytes = null;
            _capacity = 0;
            _written = 0;
        }
    }

    private void Grow(int sizeHint)
    {
        ObjectDisposedException.ThrowIf(_bytes is null, this);
        var needed = (long)_written + Math.Max(sizeHint, 1);
        if (needed > Array.MaxLength)
        {
            throw new InvalidOperationException($"a buffer of {needed} bytes is more than a span holds (2 GB)");
        }

        var capacity = (int)Math.Min(Math.Max(needed, _capacity * 2L), Array.MaxLength);
        _bytes = (byte*)NativeMemory.Realloc(_bytes, (nuint)capacity);
        _capacity = capacity;
    }
}
