namespace Portal.Domain.Terms;

/// <summary>Why a record breaks the chain: the page words it in the reader's language.</summary>
public enum ChainFault { None, Missing, OutOfOrder, LinkMismatch, ContentChanged }

/// <summary>
/// <see cref="AcceptanceChain.Verify"/> one record at a time, so a chain of millions is checked in
/// batches without holding it in memory. Feed the records in Id order; after the first break it ignores the rest.
/// </summary>
public sealed class ChainVerifier
{
    private string expectedPrevious = AcceptanceChain.Genesis;
    private long expectedId = 1;

    /// <summary>How many records, from the first, hold.</summary>
    public long IntactCount { get; private set; }

    public ChainFault Fault { get; private set; }

    /// <summary>The id of the first record that does not hold, if any.</summary>
    public long? BrokenAt { get; private set; }

    /// <summary>For <see cref="ChainFault.Missing"/> and <see cref="ChainFault.OutOfOrder"/>: the id found where <see cref="BrokenAt"/> was expected.</summary>
    public long? FoundId { get; private set; }

    public bool IsBroken => Fault != ChainFault.None;

    /// <summary>Checks the next record; false once the chain is broken (at this record or before).</summary>
    public bool Add(AcceptanceRecord r)
    {
        if (IsBroken) return false;
        if (r.Id != expectedId)
        {
            FoundId = r.Id;
            return Break(expectedId, r.Id > expectedId ? ChainFault.Missing : ChainFault.OutOfOrder);
        }
        if (r.PreviousHash != expectedPrevious) return Break(r.Id, ChainFault.LinkMismatch);
        if (AcceptanceChain.HashOf(r) != r.Hash) return Break(r.Id, ChainFault.ContentChanged);
        expectedPrevious = r.Hash;
        expectedId++;
        IntactCount++;
        return true;
    }

    /// <summary>The same verdict <see cref="AcceptanceChain.Verify"/> gives for the records added so far.</summary>
    public ChainVerdict Verdict => BrokenAt is { } at
        ? ChainVerdict.Broken(IntactCount, at, Fault switch
        {
            ChainFault.Missing => $"record {at} is missing (the next one found is {FoundId})",
            ChainFault.OutOfOrder => $"record {FoundId} is out of order (expected {at})",
            ChainFault.LinkMismatch => "its link to the previous record does not match: a record before it was changed, removed or reordered",
            _ => "its content no longer matches its hash: the record was changed",
        })
        : ChainVerdict.Intact(IntactCount);

    private bool Break(long at, ChainFault fault)
    {
        BrokenAt = at;
        Fault = fault;
        return false;
    }
}
