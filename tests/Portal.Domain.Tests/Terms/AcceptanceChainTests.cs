using Portal.Domain.Terms;

namespace Portal.Domain.Tests.Terms;

public class AcceptanceChainTests
{
    private static readonly Guid ClientId = Guid.Parse("6f1c2b1e-3d4a-4c5b-9e8f-0a1b2c3d4e5f");
    private static readonly Guid VersionId = Guid.Parse("0d9e8f7a-6b5c-4d3e-8f2a-1b0c9d8e7f6a");

    private static AcceptanceRecord Record(int n) => new()
    {
        ClientId = ClientId,
        UserId = $"user-{n}",
        UserName = $"User {n}",
        UserEmail = $"user{n}@client.example",
        DocumentType = DocumentType.TermsOfSaasService,
        DocumentVersionId = VersionId,
        VersionLabel = "2025_09",
        ContentSha256 = AcceptanceChain.Sha256("Terms of SaaS Service, version 2025_09"),
        Method = AcceptanceMethod.Clickwrap,
        AcceptedAt = new DateTimeOffset(2025, 9, 1, 10, 0, n, 123, TimeSpan.Zero),
        IpAddress = "203.0.113.7",
        UserAgent = "Mozilla/5.0",
        Culture = "fr",
        PageUrl = "https://portal.example/terms",
        CheckboxWording = "I have read and accept the Terms of SaaS Service",
        ButtonWording = "Accept",
        PreviousHash = "",
        Hash = "",
    };

    /// <summary>Records 1..count, each sealed onto the previous one, in chain order.</summary>
    private static List<AcceptanceRecord> SealedChain(int count)
    {
        var chain = new List<AcceptanceRecord>();
        for (var n = 1; n <= count; n++)
        {
            var record = Record(n);
            AcceptanceChain.Seal(record, chain.LastOrDefault());
            chain.Add(record);
        }
        return chain;
    }

    [Theory]
    [InlineData("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    [InlineData("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    [InlineData("\u00e9", "4a99557e4033c3539de2eb65472017cad5f9557f7a0625a09f1c3f6e2ba69c4c")]
    public void Sha256_of_a_known_string_is_its_lower_case_hex_digest_of_the_UTF8_bytes(string text, string expected)
    {
        Assert.Equal(expected, AcceptanceChain.Sha256(text));
    }

    [Fact]
    public void Sealing_the_first_record_sets_Id_1_the_Genesis_link_and_its_own_hash()
    {
        var first = Record(1);

        AcceptanceChain.Seal(first, previous: null);

        Assert.Equal(1, first.Id);
        Assert.Equal(AcceptanceChain.Genesis, first.PreviousHash);
        Assert.Equal(new string('0', 64), AcceptanceChain.Genesis);
        Assert.Equal(AcceptanceChain.HashOf(first), first.Hash);
        Assert.Matches("^[0-9a-f]{64}$", first.Hash);
    }

    [Fact]
    public void Sealing_the_second_record_links_it_to_the_first_records_hash()
    {
        var first = Record(1);
        AcceptanceChain.Seal(first, null);
        var second = Record(2);

        AcceptanceChain.Seal(second, first);

        Assert.Equal(2, second.Id);
        Assert.Equal(first.Hash, second.PreviousHash);
        Assert.Equal(AcceptanceChain.HashOf(second), second.Hash);
        Assert.NotEqual(first.Hash, second.Hash);
    }

    [Fact]
    public void The_hash_covers_the_link_so_the_same_evidence_after_another_record_hashes_differently()
    {
        var a = Record(1);
        a.PreviousHash = AcceptanceChain.Genesis;
        var b = Record(1);
        b.PreviousHash = AcceptanceChain.Sha256("another record");

        Assert.NotEqual(AcceptanceChain.HashOf(a), AcceptanceChain.HashOf(b));
    }

    [Fact]
    public void An_intact_chain_of_5_is_intact_with_5_records()
    {
        var verdict = AcceptanceChain.Verify(SealedChain(5));

        Assert.Equal(new ChainVerdict(true, 5, null, null), verdict);
    }

    [Fact]
    public void An_empty_chain_is_intact_with_0_records()
    {
        var verdict = AcceptanceChain.Verify([]);

        Assert.Equal(new ChainVerdict(true, 0, null, null), verdict);
    }

    [Fact]
    public void UserEmail_of_record_3_changed_after_sealing_breaks_the_chain_at_3_because_its_content_changed()
    {
        var chain = SealedChain(5);

        chain[2].UserEmail = "someone.else@client.example";
        var verdict = AcceptanceChain.Verify(chain);

        Assert.False(verdict.IsIntact);
        Assert.Equal(3, verdict.BrokenAt);
        Assert.Equal(2, verdict.IntactCount);
        Assert.Contains("changed", verdict.Reason);
    }

    [Fact]
    public void AcceptedAt_of_record_1_moved_by_one_millisecond_breaks_the_chain_at_1()
    {
        var chain = SealedChain(5);

        chain[0].AcceptedAt = chain[0].AcceptedAt.AddMilliseconds(1);
        var verdict = AcceptanceChain.Verify(chain);

        Assert.Equal((false, 0L, (long?)1), (verdict.IsIntact, verdict.IntactCount, verdict.BrokenAt));
    }

    [Fact]
    public void Record_3_deleted_from_a_chain_of_5_breaks_it_at_3_which_is_missing()
    {
        var chain = SealedChain(5);

        chain.RemoveAt(2);
        var verdict = AcceptanceChain.Verify(chain);

        Assert.False(verdict.IsIntact);
        Assert.Equal(3, verdict.BrokenAt);
        Assert.Equal(2, verdict.IntactCount);
        Assert.Contains("missing", verdict.Reason);
    }

    [Fact]
    public void Records_3_and_4_swapped_break_the_chain_at_3()
    {
        var chain = SealedChain(5);

        (chain[2], chain[3]) = (chain[3], chain[2]);
        var verdict = AcceptanceChain.Verify(chain);

        Assert.False(verdict.IsIntact);
        Assert.Equal(3, verdict.BrokenAt);
        Assert.Equal(2, verdict.IntactCount);
    }

    [Fact]
    public void Records_3_and_4_swapped_and_renumbered_break_the_link_of_the_record_now_at_3()
    {
        var chain = SealedChain(5);

        (chain[2], chain[3]) = (chain[3], chain[2]);
        (chain[2].Id, chain[3].Id) = (3, 4);
        var verdict = AcceptanceChain.Verify(chain);

        Assert.False(verdict.IsIntact);
        Assert.Equal(3, verdict.BrokenAt);
        Assert.Contains("link", verdict.Reason);
    }

    [Fact]
    public void Record_3_edited_and_rehashed_by_an_attacker_breaks_the_link_of_record_4()
    {
        var chain = SealedChain(5);

        chain[2].UserEmail = "someone.else@client.example";
        chain[2].Hash = AcceptanceChain.HashOf(chain[2]);
        var verdict = AcceptanceChain.Verify(chain);

        Assert.False(verdict.IsIntact);
        Assert.Equal(4, verdict.BrokenAt);
        Assert.Equal(3, verdict.IntactCount);
        Assert.Contains("link", verdict.Reason);
    }

    [Fact]
    public void A_newline_moved_across_a_field_boundary_gives_a_different_hash()
    {
        // Joined with "\n" and no escaping, both would serialise as "...Ann\nBeth\nann@..." alike.
        var a = Record(1);
        a.UserName = "Ann\nBeth";
        a.UserEmail = "ann@client.example";
        var b = Record(1);
        b.UserName = "Ann";
        b.UserEmail = "Beth\nann@client.example";
        AcceptanceChain.Seal(a, null);
        AcceptanceChain.Seal(b, null);

        Assert.NotEqual(a.Hash, b.Hash);
    }

    [Fact]
    public void A_literal_backslash_n_in_a_field_does_not_collide_with_a_newline()
    {
        var a = Record(1);
        a.UserName = "Ann\\nBeth"; // backslash, then the letter n
        var b = Record(1);
        b.UserName = "Ann\nBeth"; // a newline
        AcceptanceChain.Seal(a, null);
        AcceptanceChain.Seal(b, null);

        Assert.NotEqual(a.Hash, b.Hash);
    }

    [Fact]
    public void The_same_instant_written_with_a_Paris_offset_hashes_like_its_UTC_form()
    {
        var utc = Record(1);
        utc.AcceptedAt = new DateTimeOffset(2025, 9, 1, 10, 0, 0, 123, TimeSpan.Zero);
        var paris = Record(1);
        paris.AcceptedAt = new DateTimeOffset(2025, 9, 1, 12, 0, 0, 123, TimeSpan.FromHours(2));

        Assert.Equal(AcceptanceChain.HashOf(utc), AcceptanceChain.HashOf(paris));
    }
}
