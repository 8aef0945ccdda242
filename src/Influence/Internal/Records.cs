using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace Influence.Internal;

/// <summary>
/// What the public records that hold arrays share: equality and hashing by the arrays' contents (a record's own would
/// compare the arrays by reference, so no two copies were ever equal), and text that shows the contents
/// (a record's own prints <c>System.Collections.Immutable.ImmutableArray`1[…]</c>), bounded to the first few
/// elements and the count.
/// </summary>
internal static class Records
{
    /// <summary>The most elements of one array a record's text shows.</summary>
    public const int Shown = 5;

    /// <summary>Whether two arrays hold equal elements in the same order (two default arrays are equal).</summary>
    public static bool SequenceEqual<T>(ImmutableArray<T> a, ImmutableArray<T> b)
    {
        if (a.IsDefault || b.IsDefault)
        {
            return a.IsDefault && b.IsDefault;
        }

        return SequenceEqual<T>((IReadOnlyList<T>)a, b);
    }

    /// <summary>Whether two lists hold equal elements in the same order.</summary>
    public static bool SequenceEqual<T>(IReadOnlyList<T>? a, IReadOnlyList<T>? b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        if (a is null || b is null || a.Count != b.Count)
        {
            return false;
        }

        var comparer = EqualityComparer<T>.Default;
        for (var i = 0; i < a.Count; i++)
        {
            if (!comparer.Equals(a[i], b[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A hash of an array's contents, consistent with <see cref="SequenceEqual{T}(ImmutableArray{T}, ImmutableArray{T})"/>.</summary>
    public static int SequenceHash<T>(ImmutableArray<T> items) =>
        items.IsDefault ? 0 : SequenceHash<T>((IReadOnlyList<T>)items);

    /// <summary>A hash of a list's contents, consistent with <see cref="SequenceEqual{T}(IReadOnlyList{T}, IReadOnlyList{T})"/>.</summary>
    public static int SequenceHash<T>(IReadOnlyList<T>? items)
    {
        if (items is null)
        {
            return 0;
        }

        var hash = new HashCode();
        hash.Add(items.Count);
        foreach (var item in items)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }

    /// <summary>Starts writing a record's members into the builder its <c>ToString</c> passes to <c>PrintMembers</c>.</summary>
    public static Members Print(StringBuilder builder) => new(builder);

    /// <summary>Writes <c>Name = value</c> pairs, separated as a record's own text separates them.</summary>
    internal readonly struct Members
    {
        private readonly StringBuilder _builder;
        private readonly int _start;

        public Members(StringBuilder builder)
        {
            ArgumentNullException.ThrowIfNull(builder);
            _builder = builder;
            _start = builder.Length;
        }

        /// <summary>One member (numbers in the invariant culture, as the library writes them everywhere).</summary>
        public Members Add<T>(string name, T value)
        {
            Name(name);
            Value(_builder, value);
            return this;
        }

        /// <summary>An array: its first <see cref="Shown"/> elements, then how many more there are.</summary>
        public Members Add<T>(string name, ImmutableArray<T> items)
        {
            Name(name);
            if (items.IsDefault)
            {
                _builder.Append("default");
                return this;
            }

            Elements(items.Length, i => items[i]);
            return this;
        }

        /// <summary>A list: its first <see cref="Shown"/> elements, then how many more there are.</summary>
        public Members Add<T>(string name, IReadOnlyList<T> items)
        {
            Name(name);
            Elements(items.Count, i => items[i]);
            return this;
        }

        private void Elements<T>(int count, Func<int, T> at)
        {
            _builder.Append('[');
            for (var i = 0; i < Math.Min(count, Shown); i++)
            {
                _builder.Append(i == 0 ? string.Empty : ", ");
                Value(_builder, at(i));
            }

            if (count > Shown)
            {
                _builder.Append(CultureInfo.InvariantCulture, $", … {count - Shown} more ({count} in all)");
            }

            _builder.Append(']');
        }

        private void Name(string name)
        {
            if (_builder.Length > _start)
            {
                _builder.Append(", ");
            }

            _builder.Append(name).Append(" = ");
        }

        private static void Value<T>(StringBuilder builder, T value)
        {
            switch (value)
            {
                case null:
                    break;
                case IFormattable f:
                    builder.Append(f.ToString(null, CultureInfo.InvariantCulture));
                    break;
                default:
                    builder.Append(value.ToString());
                    break;
            }
        }
    }
}
