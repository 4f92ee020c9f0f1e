using Portal.Domain.People;
using Portal.Domain.Staff;

namespace Portal.Domain.Tests.Staff;

public sealed class StaffTwoFactorTests
{
    [Theory]
    [InlineData(Role.ProviderAdmin)]
    [InlineData(Role.AccountManager)]
    [InlineData(Role.Support)]
    public void Staff_without_two_factor_must_set_it_up_while_the_Provider_requires_it(string role)
    {
        Assert.True(StaffTwoFactor.MustSetUp([role], impersonated: false, required: true, hasTwoFactor: false));
        Assert.False(StaffTwoFactor.MustSetUp([role], impersonated: false, required: true, hasTwoFactor: true));
        Assert.False(StaffTwoFactor.MustSetUp([role], impersonated: false, required: false, hasTwoFactor: false));
    }

    [Theory]
    [InlineData(Role.ClientAdmin)]
    [InlineData(Role.ClientUser)]
    public void Client_people_are_not_concerned(string role) =>
        Assert.False(StaffTwoFactor.MustSetUp([role], impersonated: false, required: true, hasTwoFactor: false));

    [Fact]
    public void Acting_for_a_Client_is_not_stopped_half_way() =>
        Assert.False(StaffTwoFactor.MustSetUp([Role.ClientAdmin], impersonated: true, required: true, hasTwoFactor: false));

    [Fact]
    public void A_new_installation_requires_it() => Assert.True(StaffTwoFactor.DefaultRequired);
}
