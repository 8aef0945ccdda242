using System.Text.Json;

namespace Influence.IO;

/// <summary>How the writers put optional values into JSON: null when absent, never NaN or an infinity.</summary>
internal static class JsonValues
{
    /// <summary>Writes a number, or null when there is none.</summary>
    public static void Number(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    /// <summary>Writes a string, or null when there is none.</summary>
    public static void String(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
