using Portal.Domain.People;

namespace Portal.Domain.Tests.People;

public class ProviderAdminsTests
{
    [Theory]
    [InlineData(1, true, false)] // demoting or deactivating the only ProviderAdmin
    [InlineData(0, true, false)] // nobody left to remove: never allowed
    [InlineData(2, true, true)]
    [InlineData(1, false, true)] // the change removes no ProviderAdmin (e.g. deactivating Support)
    public void The_Provider_always_keeps_one_active_administrator(int adminsNow, bool removesOne, bool allowed) =>
        Assert.Equal(allowed, ProviderAdmins.Problem(adminsNow, removesOne) is null);

    [Theory]
    [InlineData("AccountManager", true)]
    [InlineData("Support", true)]
    [InlineData("ProviderAdmin", true)]
    [InlineData("ClientAdmin", false)] // a Client's role is never given to staff
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Staff_get_one_of_the_three_staff_roles(string? role, bool allowed) =>
        Assert.Equal(allowed, StaffRoles.Problem(role) is null);
}
