using System.Collections.Immutable;
using Fachwerk.Domain.Alliances;
using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Organisations;
using Fachwerk.Domain.Programmes;

namespace Fachwerk.IntegrationTests.Domain;

/// <summary>A small world for the application rules: one programme, one alliance, one applicant, histories to fold.</summary>
public static class ApplicationWorld
{
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    public static readonly Stamp Caseworker = new("sabine", Now);
    public static readonly Stamp Approver = new("zoe", Now);
    public static readonly Stamp Applicant = new("anna", Now);

    public static readonly Guid AppId = Guid.NewGuid();
    public static readonly Organisation HausSteinstrasse = new(Guid.NewGuid(), "Haus Steinstraße e.V.", OrganisationKind.Association, "Leipzig");
    public static readonly Organisation Chamber = new(Guid.NewGuid(), "IHK Halle-Dessau", OrganisationKind.ChamberOfCommerce, "Halle (Saale)");

    public static readonly ProgrammeRules Rules = new(MaxFundingRate: 0.8m, MaxAmountPerApplication: 100_000m, AllianceVoteRequired: true,
        DocumentDeadlineDays: 14, DeMinimis: false, DecisionReminderDays: 30);

    public static FundingProgramme Programme(decimal budget = 1_000_000m, ProgrammeRules? rules = null) =>
        Given.History<FundingProgramme>(new FundingProgrammeLaunched(Guid.NewGuid(), "Arbeitsmarktkreis", [new FundingSource("ESF+", 1m)],
            new Period(new DateOnly(2021, 1, 1), new DateOnly(2027, 12, 31)), budget, rules ?? Rules, "admin", Now));

    public static Alliance Alliance(bool recognized = true, params Organisation[] members)
    {
        var id = Guid.NewGuid();
        var events = new List<object>
        {
            new AllianceFounded(id, "Fachkräfteallianz Sachsen-Anhalt Süd", FederalState.SachsenAnhalt, ["Halle (Saale)", "Saalekreis"], "Halle",
                new DateOnly(2016, 3, 1), "u", Now),
        };
        if (recognized)
            events.Add(new AllianceRecognized(id, "MS", new DateOnly(2021, 1, 1), new Period(new DateOnly(2021, 1, 1), new DateOnly(2027, 12, 31)), "u", Now));
        events.AddRange(members.Select(m => new MemberJoined(id, m.Id, m.Name, m.Kind, new DateOnly(2021, 2, 1), "u", Now)));
        return Given.History<Alliance>([.. events]);
    }

    /// <summary>Expedition Job: 50,000 EUR costs, 40,000 requested (80 %), 10,000 own contribution.</summary>
    public static ProjectPlan Plan(decimal total = 50_000m, decimal requested = 40_000m, decimal own = 10_000m, decimal thirdParty = 0m) =>
        new("Expedition Job", "Berufsorientierung im Handwerk", new Period(new DateOnly(2026, 9, 1), new DateOnly(2027, 8, 31)),
            total, requested, own, thirdParty, [TargetGroup.YoungPeople, TargetGroup.PeopleWithMigrationBackground], 40);

    public static ApplicationDrafted Drafted(Alliance alliance, FundingProgramme programme, ProjectPlan? plan = null) =>
        new(AppId, HausSteinstrasse.Id, HausSteinstrasse.Name, programme.Id, programme.Name, alliance.Id, alliance.Name,
            "Halle (Saale)", plan ?? Plan(), "anna", Now);

    public static ApplicationSubmitted Submitted(bool voteRequired = true) =>
        new(AppId, new SubmissionTerms(voteRequired, 14, 30), "anna", Now);

    public static ApplicationFormallyCompleted Completed => new(AppId, Now.AddDays(30), "sabine", Now);

    public static AllianceVoteCast Voted(Alliance alliance) =>
        new(AppId, alliance.Id, Chamber.Id, true, "Fits the regional strategy", ImmutableDictionary<string, int>.Empty, 4, "bruno", Now);

    public static DecisionProposed ProposedApproval(decimal amount = 40_000m, string by = "sabine", string? planningReason = null) =>
        new(AppId, 1, DecisionKind.Approve, amount, ["Report by 30 April"], null, planningReason, 5, by, Now);

    public static DecisionConfirmed ConfirmedApproval(decimal amount = 40_000m) => new(AppId, 1, DecisionKind.Approve, amount, "sabine", "zoe", Now);

    public static PayeeAccountProposed PayeeProposed => new(AppId, 1, "DE89370400440532013000", null, "Haus Steinstraße e.V.", null, CaseSide.Applicant, "anna", Now);

    /// <summary>The applicant's account, proposed by anna and confirmed by zoe: payments are released into it (ADR 0084).</summary>
    public static object[] PayeeConfirmed => [PayeeProposed, new PayeeAccountConfirmed(AppId, 1, "zoe", Now)];
}
