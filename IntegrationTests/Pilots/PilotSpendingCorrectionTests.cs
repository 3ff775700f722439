using System.Globalization;
using System.Text.Json;
using Fachwerk.Application.Audit;
using Fachwerk.Application.Common;
using Fachwerk.Application.Pilots;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Pilots;
using Fachwerk.Host.Development;
using Fachwerk.IntegrationTests.Infrastructure;

namespace Fachwerk.IntegrationTests.Pilots;

/// <summary>
/// Correcting and cancelling a recorded spending through the API (ADR 0127): each is a new event with the reason; the pilot's
/// figures and spending table show the current values, the spending's history and the auditors' timeline the recorded ones too.
/// Bad input answers 400 by field, a rule 409 (the same codes as recording), a stale version 409, another role or another pilot's
/// lead 403, an unknown spending 404; none of them appends anything.
/// </summary>
public class PilotSpendingCorrectionTests(AppFixture fixture) : PilotApi(fixture)
{
    private const string Esf = "ESF+";
    private const string State = "Land Sachsen-Anhalt";
    private static readonly DemoUser OtherLead = DemoUsers.ProjectLead with { Id = "lena.leitung", DisplayName = "Lena (another pilot)" };

    protected override (Guid? Organisation, Guid? Alliance, Guid? Pilot) BindingsOf(DemoUser user, string? url) =>
        user == OtherLead ? (null, null, Guid.NewGuid()) : base.BindingsOf(user, url);

    /// <summary>A running pilot (ESF+ 5,000 EUR for staff and bought services within an EU period from the phase's start, the state's 1,000 EUR
    /// for anything) with 1,000 EUR spent from ESF+ on staff and 600 EUR from the state on material: version 3.</summary>
    private async Task<(Guid Pilot, Guid Staff, Guid Material)> PilotWithSpending()
    {
        var pilot = (await Post<StreamCreated>(Lead, "/api/pilots", Relocation(RunningPhase) with
        {
            FundingSources =
            [
                new FundingSource(Esf, FundingSourceKind.EuropeanSocialFund, 5_000m, new Period(RunningPhase.From.AddDays(10), RunningPhase.To.AddYears(1)),
                    [PilotCostCategory.Staff, PilotCostCategory.ExternalServices]),
                new FundingSource(State, FundingSourceKind.StateGovernment, 1_000m),
            ],
        }, 201)).Id;
        var staff = await Post<PilotItemAdded>(Lead, $"/api/pilots/{pilot}/spending",
            new RecordPilotSpending(1, Esf, PilotCostCategory.Staff, 1_000m, Today, "Salary May"), 201);
        var material = await Post<PilotItemAdded>(Lead, $"/api/pilots/{pilot}/spending",
            new RecordPilotSpending(staff.Version, State, PilotCostCategory.Material, 600m, Today, "Laptop"), 201);
        material.Version.ShouldBe(3);
        return (pilot, staff.ItemId, material.ItemId);
    }

    private static string Correction(Guid pilot, Guid spending) => $"/api/pilots/{pilot}/spending/{spending}/correction";

    private static string Cancellation(Guid pilot, Guid spending) => $"/api/pilots/{pilot}/spending/{spending}/cancellation";

    [Fact]
    public async Task A_correction_and_a_cancellation_change_the_figures_and_keep_what_was_recorded_in_the_history()
    {
        var (pilot, staff, material) = await PilotWithSpending();

        var corrected = await Post<CommandAccepted>(Lead, Correction(pilot, staff),
            new CorrectPilotSpending(3, State, PilotCostCategory.Material, 400m, Today.AddDays(-1), "Booked against the wrong source", "Projector"));
        var cancelled = await Post<CommandAccepted>(Lead, Cancellation(pilot, material), new CancelPilotSpending(corrected.Version, "Invoice recorded twice"));

        (corrected.Version, cancelled.Version).ShouldBe((4L, 5L));
        var details = await Details(pilot);
        details.Version.ShouldBe(5);
        details.Funding.Select(f => (f.Name, f.Spent, f.Remaining)).ShouldBe([(Esf, 0m, (decimal?)5_000m), (State, 400m, (decimal?)600m)]);
        details.Funding.Sum(f => f.Spent).ShouldBe(details.Spending.Where(s => !s.Cancelled).Sum(s => s.Amount));
        var row = details.Spending.Single(s => s.Id == staff);
        (row.Source, row.Category, row.Amount, row.SpentOn, row.Note, row.Cancelled, row.Corrected)
            .ShouldBe((State, PilotCostCategory.Material, 400m, Today.AddDays(-1), (string?)"Projector", false, true));
        row.History.Select(h => (h.Change, h.Source, h.Amount, h.Reason, h.By)).ShouldBe(
        [
            (PilotSpendingChange.Recorded, Esf, 1_000m, (string?)null, Lead.Id),
            (PilotSpendingChange.Corrected, State, 400m, "Booked against the wrong source", Lead.Id),
        ]);
        var gone = details.Spending.Single(s => s.Id == material);
        (gone.Cancelled, gone.Amount, gone.History[^1].Change, gone.History[^1].Reason).ShouldBe((true, 600m, PilotSpendingChange.Cancelled, "Invoice recorded twice"));

        // The auditors replay the history: the recorded spending, the correction and the cancellation, each with who, when and why.
        var timeline = await Get<StreamTimeline>(DemoUsers.Auditor, $"/api/audit/streams/{pilot}/timeline");
        timeline.Entries.Select(e => e.Label.De).ShouldBe(
            ["Pilotprojekt gestartet", "Ausgabe verbucht", "Ausgabe verbucht", "Ausgabe korrigiert", "Ausgabe storniert"]);
        var correction = timeline.Entries[3];
        (correction.RecordedBy, correction.Reason).ShouldBe((Lead.Id, "Booked against the wrong source"));
        ((JsonElement)correction.Data).GetProperty("amount").GetDecimal().ShouldBe(400m);
        ((JsonElement)timeline.Entries[1].Data).GetProperty("amount").GetDecimal().ShouldBe(1_000m);
    }

    [Fact]
    public async Task Bad_input_answers_400_naming_each_field_and_appends_nothing()
    {
        var (pilot, staff, _) = await PilotWithSpending();
        var before = await EventCount();

        (await ValidationProblemOf(await Post(Lead, Correction(pilot, staff),
            new { expectedVersion = 3, source = "", category = "Staff", amount = 10.005m, spentOn = "1989-12-31", reason = "" }, 400)))
            .Errors.Keys.ShouldBe(["source", "amount", "spentOn", "reason"], ignoreOrder: true);
        (await ValidationProblemOf(await Post(Lead, Correction(pilot, staff),
            new CorrectPilotSpending(3, Esf, PilotCostCategory.Staff, 900m, Today, "typo", new string('x', 2_001)), 400))).Errors.Keys.ShouldBe(["note"]);
        (await ValidationProblemOf(await Post(Lead, Correction(pilot, staff), new { expectedVersion = 3, source = Esf, category = 99, amount = 10m, spentOn = Today, reason = "typo" }, 400)))
            .Errors.Keys.ShouldBe(["category"]);
        (await ValidationProblemOf(await Post(Lead, Cancellation(pilot, staff), new { expectedVersion = 3 }, 400))).Errors.Keys.ShouldBe(["reason"]);
        (await ValidationProblemOf(await Post(Lead, Cancellation(pilot, staff), new { reason = "twice" }, 400))).Errors.Keys.ShouldBe(["expectedVersion"]);
        (await EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task A_correction_that_would_break_a_rule_answers_409_with_the_same_codes_as_recording_and_appends_nothing()
    {
        var (pilot, staff, material) = await PilotWithSpending();
        var before = await EventCount();

        async Task<string?> Refusal(Guid spending, CorrectPilotSpending body) =>
            (await ProblemOf(await Post(Lead, Correction(pilot, spending), body, 409))).Type;

        // The state's source has 400 EUR left; moving 1,000 EUR there does not fit, 1,000 EUR of its own spending may become 1,000 EUR.
        (await Refusal(staff, new CorrectPilotSpending(3, State, PilotCostCategory.Staff, 400.01m, Today, "wrong source")))
            .ShouldBe("urn:fachwerk:problem:pilot.source-exhausted");
        (await Refusal(material, new CorrectPilotSpending(3, State, PilotCostCategory.Material, 1_000.01m, Today, "typo")))
            .ShouldBe("urn:fachwerk:problem:pilot.source-exhausted");
        (await Refusal(staff, new CorrectPilotSpending(3, Esf, PilotCostCategory.Travel, 1_000m, Today, "category")))
            .ShouldBe("urn:fachwerk:problem:pilot.category-not-funded");
        (await Refusal(staff, new CorrectPilotSpending(3, Esf, PilotCostCategory.Staff, 1_000m, RunningPhase.From, "day")))
            .ShouldBe("urn:fachwerk:problem:pilot.outside-eu-funding-period");
        (await Refusal(staff, new CorrectPilotSpending(3, Esf, PilotCostCategory.Staff, 1_000m, Today.AddDays(1), "day")))
            .ShouldBe("urn:fachwerk:problem:pilot.date-in-future");
        (await Refusal(staff, new CorrectPilotSpending(3, Esf, PilotCostCategory.Staff, 1_000m, RunningPhase.From.AddDays(-1), "day")))
            .ShouldBe("urn:fachwerk:problem:pilot.before-phase");
        (await Refusal(staff, new CorrectPilotSpending(3, "Bundesagentur für Arbeit", PilotCostCategory.Staff, 1_000m, Today, "source")))
            .ShouldBe("urn:fachwerk:problem:pilot.unknown-funding-source");
        (await Refusal(staff, new CorrectPilotSpending(3, Esf, PilotCostCategory.Staff, 1_000m, Today, "nothing", "Salary May")))
            .ShouldBe("urn:fachwerk:problem:pilot.spending-unchanged");
        (await ProblemOf(await Post(Lead, Correction(pilot, Guid.NewGuid()),
            new CorrectPilotSpending(3, Esf, PilotCostCategory.Staff, 900m, Today, "typo"), 404))).Type.ShouldBe("urn:fachwerk:problem:pilot.unknown-spending");
        (await ProblemOf(await Post(Lead, Cancellation(pilot, Guid.NewGuid()), new CancelPilotSpending(3, "twice"), 404))).Type
            .ShouldBe("urn:fachwerk:problem:pilot.unknown-spending");
        (await EventCount()).ShouldBe(before);
        var details = await Details(pilot);
        (details.Version, details.Funding.Sum(f => f.Spent)).ShouldBe((3L, 1_600m));

        // Within its own source a spending may take what it took already: 1,000 EUR of the state's money for the laptop fits.
        (await Post<CommandAccepted>(Lead, Correction(pilot, material),
            new CorrectPilotSpending(3, State, PilotCostCategory.Material, 1_000m, Today, "Screen was missing", "Laptop and screen"))).Version.ShouldBe(4);
    }

    [Fact]
    public async Task A_cancelled_spending_is_neither_corrected_nor_cancelled_again_409_and_nothing_is_appended()
    {
        var (pilot, staff, _) = await PilotWithSpending();
        var cancelled = await Post<CommandAccepted>(Lead, Cancellation(pilot, staff), new CancelPilotSpending(3, "Recorded twice"));
        var before = await EventCount();

        (await ProblemOf(await Post(Lead, Correction(pilot, staff),
            new CorrectPilotSpending(cancelled.Version, Esf, PilotCostCategory.Staff, 900m, Today, "typo"), 409))).Type
            .ShouldBe("urn:fachwerk:problem:pilot.spending-cancelled");
        (await ProblemOf(await Post(Lead, Cancellation(pilot, staff), new CancelPilotSpending(cancelled.Version, "again"), 409))).Type
            .ShouldBe("urn:fachwerk:problem:pilot.spending-cancelled");
        (await EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task A_stale_version_answers_409_with_the_current_version_and_appends_nothing()
    {
        var (pilot, staff, material) = await PilotWithSpending();
        var before = await EventCount();

        var stale = await ProblemOf(await Post(Lead, Correction(pilot, staff),
            new CorrectPilotSpending(2, Esf, PilotCostCategory.Staff, 900m, Today, "typo"), 409));
        stale.Type.ShouldBe("urn:fachwerk:problem:stale-version");
        stale.Extensions["currentVersion"]!.ToString().ShouldBe(3.ToString(CultureInfo.InvariantCulture));
        (await ProblemOf(await Post(Lead, Cancellation(pilot, material), new CancelPilotSpending(2, "twice"), 409))).Type
            .ShouldBe("urn:fachwerk:problem:stale-version");
        (await EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task Only_a_project_lead_of_the_pilot_corrects_or_cancels_others_get_403_and_nothing_is_appended()
    {
        var (pilot, staff, _) = await PilotWithSpending();
        var before = await EventCount();
        var correction = new CorrectPilotSpending(3, Esf, PilotCostCategory.Staff, 900m, Today, "typo");

        foreach (var user in new[] { DemoUsers.Caseworker, DemoUsers.Auditor, DemoUsers.Approver, OtherLead })
        {
            await Post(user, Correction(pilot, staff), correction, 403);
            await Post(user, Cancellation(pilot, staff), new CancelPilotSpending(3, "twice"), 403);
        }

        (await EventCount()).ShouldBe(before);
    }

}
