using Portal.Domain.Terms;

namespace Portal.Domain.Tests.Terms;

public class ChainVerifierTests
{
    private static List<AcceptanceRecord> SealedChain(int count)
    {
        var chain = new List<AcceptanceRecord>();
        for (var n = 1; n <= count; n++)
        {
            var record = new AcceptanceRecord
            {
                ClientId = Guid.Parse("6f1c2b1e-3d4a-4c5b-9e8f-0a1b2c3d4e5f"), UserId = $"user-{n}", UserEmail = $"user{n}@client.example",
                DocumentType = DocumentType.AcceptableUsePolicy, DocumentVersionId = Guid.Parse("0d9e8f7a-6b5c-4d3e-8f2a-1b0c9d8e7f6a"),
                VersionLabel = "2025_09", ContentSha256 = AcceptanceChain.Sha256("AUP"), Method = AcceptanceMethod.Clickwrap,
                AcceptedAt = new DateTimeOffset(2025, 9, 1, 10, 0, n, 123, TimeSpan.Zero), PreviousHash = "", Hash = "",
            };
            AcceptanceChain.Seal(record, chain.LastOrDefault());
            chain.Add(record);
        }
        return chain;
    }

    private static ChainVerifier Fed(IEnumerable<AcceptanceRecord> records)
    {
        var verifier = new ChainVerifier();
        foreach (var r in records) verifier.Add(r);
        return verifier;
    }

    public static TheoryData<string> Tamperings => ["none", "edit 3", "delete 3", "swap 3 and 4", "rehash 3", "delete first", "empty"];

    private static List<AcceptanceRecord> Tampered(string how)
    {
        var chain = SealedChain(6);
        switch (how)
        {
            case "edit 3": chain[2].UserEmail = "someone.else@client.example"; break;
            case "delete 3": chain.RemoveAt(2); break;
            case "swap 3 and 4": (chain[2], chain[3]) = (chain[3], chain[2]); break;
            case "rehash 3": chain[2].UserName = "Mallory"; chain[2].Hash = AcceptanceChain.HashOf(chain[2]); break;
            case "delete first": chain.RemoveAt(0); break;
            case "empty": chain.Clear(); break;
        }
        return chain;
    }

    [Theory]
    [MemberData(nameof(Tamperings))]
    public void Fed_one_record_at_a_time_it_gives_the_verdict_of_AcceptanceChain_Verify(string tampering)
    {
        var chain = Tampered(tampering);

        Assert.Equal(AcceptanceChain.Verify(chain), Fed(chain).Verdict);
    }

    [Fact]
    public void An_intact_chain_of_6_fed_in_batches_of_4_and_2_counts_6_records()
    {
        var chain = SealedChain(6);
        var verifier = new ChainVerifier();

        foreach (var batch in chain.Chunk(4))
            foreach (var r in batch) Assert.True(verifier.Add(r));

        Assert.Equal((false, 6L, ChainFault.None), (verifier.IsBroken, verifier.IntactCount, verifier.Fault));
    }

    [Fact]
    public void The_IP_address_of_record_2_changed_is_a_content_change_at_2()
    {
        var chain = SealedChain(6);
        chain[1].IpAddress = "198.51.100.9";

        var verifier = Fed(chain);

        Assert.Equal((ChainFault.ContentChanged, (long?)2, 1L), (verifier.Fault, verifier.BrokenAt, verifier.IntactCount));
    }

    [Fact]
    public void Record_3_deleted_is_missing_at_3_and_the_next_one_found_is_4()
    {
        var chain = SealedChain(6);
        chain.RemoveAt(2);

        var verifier = Fed(chain);

        Assert.Equal((ChainFault.Missing, (long?)3, (long?)4), (verifier.Fault, verifier.BrokenAt, verifier.FoundId));
    }

    [Fact]
    public void Record_3_rehashed_after_an_edit_breaks_the_link_of_record_4()
    {
        var verifier = Fed(Tampered("rehash 3"));

        Assert.Equal((ChainFault.LinkMismatch, (long?)4), (verifier.Fault, verifier.BrokenAt));
    }

    [Fact]
    public void Records_after_the_first_break_are_ignored()
    {
        var chain = SealedChain(6);
        chain[1].UserEmail = "changed@client.example";
        var verifier = new ChainVerifier();

        var accepted = chain.Select(verifier.Add).ToList();

        Assert.Equal([true, false, false, false, false, false], accepted);
        Assert.Equal(2, verifier.BrokenAt);
    }
}
