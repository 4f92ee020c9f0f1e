using Portal.Domain.Seats;

namespace Portal.Domain.Tests.Seats;

public class SeatCapTests
{
    [Theory]
    [InlineData(10, 0, 10, false, 0.0)]
    [InlineData(10, 4, 6, false, 40.0)]
    [InlineData(10, 9, 1, false, 90.0)]
    [InlineData(10, 10, 0, true, 100.0)]
    [InlineData(3, 1, 2, false, 33.333)]
    [InlineData(10, 12, 0, true, 100.0)] // cap lowered below use: no negative free seats, bar clamps to 100
    [InlineData(0, 0, 0, true, 100.0)] // no seat at all: full, bar full
    [InlineData(0, 2, 0, true, 100.0)]
    public void Cap_and_used_give_free_seats_fullness_and_a_clamped_percentage(int cap, int used, int free, bool isFull, double percent)
    {
        var seats = new SeatCap(cap, used);

        Assert.Equal(free, seats.Free);
        Assert.Equal(isFull, seats.IsFull);
        Assert.Equal(percent, seats.PercentUsed, precision: 3);
    }
}
