using System.Security.Cryptography;
using Fachwerk.Application.Pilots;
using Fachwerk.Application.Privacy;
using Fachwerk.Host.Database;
using Fachwerk.Host.Privacy;
using Fachwerk.IntegrationTests.Infrastructure;
using Fachwerk.IntegrationTests.Pilots;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Fachwerk.IntegrationTests.Privacy;

/// <summary>
/// The personal-data keys are stored wrapped by a key-encryption key held outside the database (ADR 0061): a copy of the database
/// alone opens nothing, keys stored before wrapping still open and are wrapped at start, and the ring can be rotated.
/// </summary>
public class KeyEncryptionKeyTests(AppFixture fixture) : PilotApi(fixture)
{
    private static readonly ParticipantPersonalData Jana = new("Jana", "Ozola", new DateOnly(1994, 5, 17), "LV", "jana.ozola@example.org");

    private KeyEncryptionKeys Ring => Host.Services.GetRequiredService<KeyEncryptionKeys>();

    private async Task<(Guid Pilot, Guid Participant)> Enrolled()
    {
        var pilot = (await Launch(RunningPhase)).Id;
        var (participant, _) = await EnrolParticipant(pilot, 1, RunningPhase.From.AddDays(1), Jana);
        return (pilot, participant);
    }

    private async Task<PersonalDataKey> StoredKey(Guid participant)
    {
        await using var session = Store.QuerySession();
        return (await session.LoadAsync<PersonalDataKey>(participant, TestContext.Current.CancellationToken)).ShouldNotBeNull();
    }

    private async Task<IReadOnlyDictionary<Guid, ParticipantPersonalData>> OpenWith(KeyEncryptionKeys ring, Guid pilot)
    {
        await using var session = Store.QuerySession();
        var records = await session.Query<ParticipantRecord>().Where(p => p.PilotId == pilot).ToListAsync(TestContext.Current.CancellationToken);
        return await new PersonalDataVault(ring, Clock).OpenAsync<ParticipantPersonalData>(session,
            records.Select(r => r.PersonalData!), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_copy_of_the_database_without_the_key_ring_opens_no_personal_data()
    {
        var (pilot, participant) = await Enrolled();
        var stored = await StoredKey(participant);

        (stored.Key, stored.WrappedBy).ShouldBe((null, Ring.CurrentId));
        (await OpenWith(Ring, pilot))[participant].ShouldBe(Jana);
        // Whoever has the database but guesses the key-encryption key, even under its name, opens nothing.
        var guessed = new KeyEncryptionKeys(Ring.CurrentId, new Dictionary<string, byte[]> { [Ring.CurrentId] = RandomNumberGenerator.GetBytes(32) });
        await Should.ThrowAsync<CryptographicException>(() => OpenWith(guessed, pilot));
        // A wrapped key moved to another person does not open either.
        Should.Throw<CryptographicException>(() => Ring.Unwrap(Guid.NewGuid(), stored.WrappedBy!, stored.Wrapped!));
    }

    [Fact]
    public async Task Keys_stored_before_they_were_wrapped_still_open_and_are_wrapped_when_the_service_starts()
    {
        var (pilot, participant) = await Enrolled();
        var stored = await StoredKey(participant);
        var plain = Ring.Unwrap(participant, stored.WrappedBy!, stored.Wrapped!);
        // The row as it was written before this release: the plain key.
        await using (var session = Store.LightweightSession())
        {
            session.Update(new PersonalDataKey(participant, plain, stored.CreatedAt));
            await session.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        (await Participant(pilot, participant)).PersonalData.ShouldBe(Jana);

        await ActivatorUtilities.CreateInstance<PersonalDataKeysUpgrade>(Host.Services).Populate(Store, TestContext.Current.CancellationToken);

        var upgraded = await StoredKey(participant);
        (upgraded.Key, upgraded.WrappedBy).ShouldBe((null, Ring.CurrentId));
        Ring.Unwrap(participant, upgraded.WrappedBy!, upgraded.Wrapped!).ShouldBe(plain);
        (await Participant(pilot, participant)).PersonalData.ShouldBe(Jana);
    }

    [Fact]
    public async Task A_rotation_rewraps_every_key_under_the_new_key_encryption_key_and_the_old_one_can_then_go()
    {
        var (pilot, participant) = await Enrolled();
        var newKey = RandomNumberGenerator.GetBytes(32);
        var oldId = Ring.CurrentId;
        var rotated = new KeyEncryptionKeys("2027-01", new Dictionary<string, byte[]>
        {
            [oldId] = OldKeyOf(Ring),
            ["2027-01"] = newKey,
        });

        // With both keys in the ring and the new one current, everything still opens; re-wrapping moves every key to the new one.
        (await OpenWith(rotated, pilot))[participant].ShouldBe(Jana);
        (await new PersonalDataVault(rotated, Clock).RewrapAsync(Store, onlyUnwrapped: false, TestContext.Current.CancellationToken)).ShouldBe(1);

        (await StoredKey(participant)).WrappedBy.ShouldBe("2027-01");
        var newOnly = new KeyEncryptionKeys("2027-01", new Dictionary<string, byte[]> { ["2027-01"] = newKey });
        (await OpenWith(newOnly, pilot))[participant].ShouldBe(Jana);
        await Should.ThrowAsync<CryptographicException>(() => OpenWith(Ring, pilot));
    }

    [Fact]
    public async Task The_rewrap_command_reports_what_it_rewrapped_under_which_key()
    {
        await Enrolled();
        var output = new StringWriter();

        (await RewrapPersonalDataKeysCommand.RunAsync(Host.Services, output, TestContext.Current.CancellationToken)).ShouldBeTrue();

        output.ToString().ShouldContain($"Re-wrapped 0 personal-data keys under the key-encryption key '{Ring.CurrentId}'");
    }

    [Fact]
    public async Task Outside_Development_the_host_without_a_key_ring_stops_with_one_line_naming_the_settings()
    {
        var (exitCode, output, error) = await HostProcess.RunUntilExitAsync(new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["DOTNET_ENVIRONMENT"] = "Production",
            [FachwerkDatabase.ConnectionStringVariable] = ConnectionString,
        });

        exitCode.ShouldBe(2);
        error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ShouldHaveSingleItem()
            .ShouldBe("Fachwerk cannot start: No key-encryption key for personal data: set PersonalData__KeyRingFile to a key-ring file, " +
                      "or PersonalData__KeyRing__Current and PersonalData__KeyRing__Keys__<id> (docs/pilots.md).");
        output.ShouldNotContain("Exception");
    }

    [Fact]
    public void A_key_ring_names_its_current_key_and_holds_keys_of_256_bits()
    {
        Should.Throw<KeyRingUnavailableException>(() => KeyEncryptionKeys.Parse("""{"current": "a", "keys": {"b": "AAAA"}}"""))
            .Message.ShouldContain("'b' is not 32 bytes");
        Should.Throw<KeyRingUnavailableException>(() => KeyEncryptionKeys.Parse("""{"current": "a", "keys": {}}"""))
            .Message.ShouldContain("the current key-encryption key 'a' is not in the key ring");
        Should.Throw<KeyRingUnavailableException>(() => KeyEncryptionKeys.Parse("not json")).Message.ShouldContain("not JSON");
        var ring = KeyEncryptionKeys.Parse(KeyEncryptionKeys.NewRing("first"));
        ring.CurrentId.ShouldBe("first");
        var subject = Guid.NewGuid();
        ring.Unwrap(subject, "first", ring.Wrap(subject, new byte[32])).ShouldBe(new byte[32]);
    }

    /// <summary>The test host's own key-encryption key, read back from its key-ring file.</summary>
    private byte[] OldKeyOf(KeyEncryptionKeys ring)
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(KeyRingFile))!;
        return Convert.FromBase64String(json["keys"]![ring.CurrentId]!.GetValue<string>());
    }
}
