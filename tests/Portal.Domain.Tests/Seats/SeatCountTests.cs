using Portal.Domain.Seats;

namespace Portal.Domain.Tests.Seats;

public class SeatCountTests
{
    [Fact]
    public void Active_and_invited_Users_take_a_seat_a_deactivated_one_does_not()
    {
        // 3 active (persons, service accounts, Subsidiaries' Users alike), 2 invited, 4 deactivated.
        UserStatus[] users =
        [
            UserStatus.Active, UserStatus.Active, UserStatus.Active, UserStatus.Invited, UserStatus.Invited,
            UserStatus.Deactivated, UserStatus.Deactivated, UserStatus.Deactivated, UserStatus.Deactivated,
        ];

        var seats = SeatCap.Count(10, users);

        Assert.Equal(new SeatCap(10, 5), seats);
        Assert.Equal(5, seats.Free);
    }

    [Theory]
    [InlineData(10, 9, 1, true)] // the last seat can be taken
    [InlineData(10, 10, 1, false)] // full: the 11th User is refused
    [InlineData(10, 8, 3, false)]
    [InlineData(0, 0, 1, false)]
    public void Can_take_while_used_plus_new_stays_within_the_cap(int cap, int used, int more, bool allowed) =>
        Assert.Equal(allowed, new SeatCap(cap, used).CanTake(more));

    [Theory]
    [InlineData(10, 10, 1, 1)] // full: one more User needs 1 seat
    [InlineData(10, 12, 1, 3)] // cap lowered under use: the request covers the overrun too
    [InlineData(10, 4, 1, 1)] // never less than one seat
    public void The_offer_asks_for_the_seats_missing(int cap, int used, int more, int shortfall) =>
        Assert.Equal(shortfall, new SeatCap(cap, used).Shortfall(more));
}
