using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Portal.Web.Features.Account.Shared;

/// <summary>The helper text under a new-password field, from Identity's password options (set in AccountFeature).</summary>
internal static class PasswordRules
{
    public static string Describe(PasswordOptions options, IStringLocalizer<UserText> T)
    {
        var kinds = new List<string>();
        if (options.RequireUppercase) kinds.Add(T["an upper-case letter"]);
        if (options.RequireLowercase) kinds.Add(T["a lower-case letter"]);
        if (options.RequireDigit) kinds.Add(T["a digit"]);
        if (options.RequireNonAlphanumeric) kinds.Add(T["a symbol"]);

        return kinds.Count == 0
            ? T["At least {0} characters.", options.RequiredLength]
            : T["At least {0} characters, with {1}.", options.RequiredLength, List(kinds, T)];
    }

    // "a, b and c"
    private static string List(List<string> items, IStringLocalizer<UserText> T) =>
        items.Count == 1 ? items[0] : T["{0} and {1}", string.Join(", ", items[..^1]), items[^1]];
}
