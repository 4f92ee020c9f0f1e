using Portal.Domain.People;
using Portal.Domain.Staff;

namespace Portal.Domain.Tests.Staff;

public class StaffPermissionsTests
{
    [Theory]
    [InlineData(Role.ProviderAdmin, false, true)]
    [InlineData(Role.AccountManager, true, true)]
    [InlineData(Role.AccountManager, false, false)]
    [InlineData(Role.Support, true, false)]
    [InlineData(Role.ClientAdmin, true, false)]
    public void Staff_act_only_on_the_Clients_their_role_and_assignment_allow(string role, bool assigned, bool allowed) =>
        Assert.Equal(allowed, StaffPermissions.MayActFor([role], assigned));

    [Theory]
    [InlineData(Role.ProviderAdmin, true, true)]
    [InlineData(Role.AccountManager, false, true)]
    [InlineData(Role.Support, false, false)]
    [InlineData(Role.ClientAdmin, false, false)]
    public void Only_ProviderAdmins_assign_AccountManagers_and_staff_who_record_order_forms_create_Clients(string role, bool assigns, bool creates)
    {
        Assert.Equal(assigns, StaffPermissions.MayAssignAccountManagers([role]));
        Assert.Equal(creates, StaffPermissions.MayCreateClients([role]));
    }
}
