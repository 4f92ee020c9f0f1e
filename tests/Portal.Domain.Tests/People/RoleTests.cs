using Portal.Domain.People;

namespace Portal.Domain.Tests.People;

public class RoleTests
{
    [Theory]
    [InlineData(Role.ClientAdmin, true, false)]
    [InlineData(Role.ClientUser, true, false)]
    [InlineData(Role.AccountManager, false, true)]
    [InlineData(Role.Support, false, true)]
    [InlineData(Role.ProviderAdmin, false, true)]
    [InlineData("Anonymous", false, false)]
    [InlineData("clientadmin", false, false)] // role names are exact, as Identity stores them
    public void Each_role_is_either_a_client_role_or_a_staff_role(string role, bool isClient, bool isStaff)
    {
        Assert.Equal(isClient, Role.IsClientRole(role));
        Assert.Equal(isStaff, Role.IsStaffRole(role));
    }

    [Fact]
    public void All_lists_the_five_roles_each_of_exactly_one_kind()
    {
        Assert.Equal(["ClientAdmin", "ClientUser", "AccountManager", "Support", "ProviderAdmin"], Role.All);
        Assert.All(Role.All, r => Assert.NotEqual(Role.IsClientRole(r), Role.IsStaffRole(r)));
    }
}
