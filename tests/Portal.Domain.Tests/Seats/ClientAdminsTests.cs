using Portal.Domain.Seats;

namespace Portal.Domain.Tests.Seats;

public class ClientAdminsTests
{
    [Theory]
    [InlineData(1, 1, false)] // removing the only administrator
    [InlineData(2, 2, false)] // removing both at once (a Subsidiary holding both ends)
    [InlineData(2, 1, true)]
    [InlineData(1, 0, true)] // the change removes no administrator
    public void A_Client_always_keeps_one_active_administrator(int adminsNow, int removed, bool allowed) =>
        Assert.Equal(allowed, ClientAdmins.Problem(adminsNow, removed) is null);
}
