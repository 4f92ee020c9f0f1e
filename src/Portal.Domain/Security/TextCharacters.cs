using System.Globalization;

namespace Portal.Domain.Security;

/// <summary>Unicode categories Cc (NUL, escape…) and Cf (the U+202E bidi override, zero-width joiners…).</summary>
public static class TextCharacters
{
    public static bool IsControlOrFormat(char c) =>
        char.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format;
}
