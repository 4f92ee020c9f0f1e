using System.Security.Claims;
using Portal.Domain.People;
using Portal.Web.Shared.Layout;

namespace Portal.Components.Tests.Shared.Layout;

public class NavigationTests
{
    private static ClaimsPrincipal SignedIn(params string[] roles) =>
        new(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, "user-1"), .. roles.Select(r => new Claim(ClaimTypes.Role, r))],
            authenticationType: "Test"));

    public static TheoryData<string> EveryRole => [.. Role.All];

    [Theory]
    [MemberData(nameof(EveryRole))]
    public void A_person_with_one_role_sees_exactly_the_entries_open_to_that_role(string role)
    {
        var shown = Navigation.For(SignedIn(role)).ToList();

        Assert.All(shown, e => Assert.Contains(role, e.Roles));
        Assert.Equal(Navigation.Entries.Where(e => e.Roles.Contains(role)).Select(e => e.Href), shown.Select(e => e.Href));
    }

    [Theory]
    [MemberData(nameof(EveryRole))]
    public void Every_role_sees_the_Dashboard_first(string role)
    {
        var first = Navigation.For(SignedIn(role)).First();

        Assert.Equal(("/", "Dashboard"), (first.Href, first.Title));
    }

    [Fact]
    public void An_entry_for_ClientAdmins_only_is_hidden_from_a_ClientUser()
    {
        var adminOnly = Navigation.Entries.Where(e => e.Roles.SequenceEqual([Role.ClientAdmin])).Select(e => e.Href).ToList();

        var shown = Navigation.For(SignedIn(Role.ClientUser)).Select(e => e.Href).ToList();

        Assert.All(adminOnly, href => Assert.DoesNotContain(href, shown));
    }

    [Fact]
    public void A_signed_in_person_with_no_role_sees_no_entry()
    {
        Assert.Empty(Navigation.For(SignedIn()));
    }

    [Fact]
    public void A_person_with_an_unknown_role_sees_no_entry()
    {
        Assert.Empty(Navigation.For(SignedIn("Guest")));
    }

    [Fact]
    public void A_person_with_two_roles_sees_each_entry_once_in_menu_order()
    {
        var shown = Navigation.For(SignedIn(Role.ClientUser, Role.ClientAdmin)).ToList();

        var expected = Navigation.Entries.Where(e => e.Roles.Contains(Role.ClientUser) || e.Roles.Contains(Role.ClientAdmin));
        Assert.Equal(expected, shown);
    }

    [Fact]
    public void Every_entry_is_open_to_at_least_one_of_the_five_roles()
    {
        Assert.All(Navigation.Entries, e => Assert.Contains(e.Roles, Role.All.Contains));
    }
}
