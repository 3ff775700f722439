using Fachwerk.Application.Applications;
using Fachwerk.Application.Common;
using Fachwerk.Application.Experts;
using Fachwerk.Application.Programmes;
using Fachwerk.Domain.Programmes;
using Fachwerk.Host.Development;
using Fachwerk.IntegrationTests.Infrastructure;

namespace Fachwerk.IntegrationTests.Applications;

/// <summary>The directory of external experts through the API (ADR 0130): administrators keep it, caseworkers assign from it.</summary>
public class ExpertDirectoryTests(AppFixture fixture) : FundingApi(fixture)
{
    private static readonly DemoUser Admin = DemoUsers.Administrator;

    /// <summary>A user id no other test uses (the tests share one database).</summary>
    private static string NewUserId() => $"expert.{Guid.NewGuid():N}"[..20];

    private async Task<StreamCreated> Register(string userId, string name = "Dr. Ernst Extern", params string[] fields) =>
        await Read<StreamCreated>(await Post(Admin, "/api/experts",
            new RegisterExpert(userId, name, "Institut für Arbeitsmarktforschung", fields.Length == 0 ? ["Evaluation"] : fields, "ernst@iab.example"), 201));

    private async Task<ExpertEntry> Entry(string userId) =>
        (await Get<IReadOnlyList<ExpertEntry>>(Caseworker, "/api/experts")).Single(e => e.UserId == userId);

    private async Task<Guid> SubmittedWithCriteria(bool allowsExperts = true)
    {
        var programme = await LaunchProgramme();
        await Send(Caseworker, HttpMethod.Put, $"/api/programmes/{programme}/review-criteria",
            new SetReviewCriteria(1, [new("Wirkung", 100)], AllowsExternalExperts: allowsExperts));
        return await Submitted(programme);
    }

    [Fact]
    public async Task An_administrator_registers_changes_and_withdraws_an_expert_and_staff_read_the_directory_filtered()
    {
        var userId = NewUserId();
        var field = $"Feld {Guid.NewGuid():N}";
        var created = await Register(userId, " Dr. Ernst Extern ", field, "Evaluation");
        (created.Id, created.Version).ShouldBe((Fachwerk.Domain.Experts.Expert.IdOf(userId), 1L));

        var entry = await Entry(userId);
        (entry.DisplayName, entry.Affiliation, entry.Email, entry.Active, entry.Version).ShouldBe(
            ("Dr. Ernst Extern", "Institut für Arbeitsmarktforschung", "ernst@iab.example", true, 1L));
        entry.Fields.ShouldBe([field, "Evaluation"]);
        (await Get<IReadOnlyList<ExpertEntry>>(DemoUsers.Auditor, $"/api/experts?field={Uri.EscapeDataString(field.ToUpperInvariant())}"))
            .ShouldHaveSingleItem().UserId.ShouldBe(userId);

        var changed = await Read<CommandAccepted>(await Send(Admin, HttpMethod.Put, $"/api/experts/{entry.Id}",
            new ChangeExpertEntry(1, "Dr. Ernst Extern", null, ["Fachkräftesicherung"], null)));
        changed.Version.ShouldBe(2);
        (await Entry(userId)).ShouldSatisfyAllConditions(e => e.Affiliation.ShouldBeNull(), e => e.Fields.ShouldBe(["Fachkräftesicherung"]));
        (await Get<IReadOnlyList<ExpertEntry>>(Caseworker, $"/api/experts?field={Uri.EscapeDataString(field)}")).ShouldBeEmpty();

        (await Read<CommandAccepted>(await Post(Admin, $"/api/experts/{entry.Id}/withdrawal", new WithdrawExpert(2, "Rahmenvertrag ausgelaufen"))))
            .Version.ShouldBe(3);
        var withdrawn = await Entry(userId);
        (withdrawn.Active, withdrawn.WithdrawalReason).ShouldBe((false, "Rahmenvertrag ausgelaufen"));
        (await Get<IReadOnlyList<ExpertEntry>>(Caseworker, "/api/experts?active=true")).ShouldNotContain(e => e.UserId == userId);
        (await Get<IReadOnlyList<ExpertEntry>>(Caseworker, "/api/experts?active=false")).ShouldContain(e => e.UserId == userId);
    }

    [Fact]
    public async Task Bad_input_duplicates_stale_versions_and_other_roles_are_refused_and_nothing_is_appended()
    {
        var userId = NewUserId();
        var entry = await Register(userId);
        var before = await EventCount();

        var invalid = await ValidationProblemOf(await Post(Admin, "/api/experts",
            new RegisterExpert("", "", null, [], "keine-adresse"), 400));
        invalid.Errors.Keys.ShouldBe(["userId", "displayName", "fields", "email"], ignoreOrder: true);
        (await ProblemOf(await Post(Admin, "/api/experts", new RegisterExpert(userId, "Jemand anderes", null, ["Recht"]), 409)))
            .Type.ShouldBe("urn:fachwerk:problem:expert.already-registered");
        (await ProblemOf(await Send(Admin, HttpMethod.Put, $"/api/experts/{entry.Id}",
            new ChangeExpertEntry(1, "Dr. Ernst Extern", "Institut für Arbeitsmarktforschung", ["Evaluation"], "ernst@iab.example"), 409)))
            .Type.ShouldBe("urn:fachwerk:problem:expert.unchanged");
        (await ProblemOf(await Post(Admin, $"/api/experts/{entry.Id}/withdrawal", new WithdrawExpert(7, "zu spät"), 409)))
            .Type.ShouldBe("urn:fachwerk:problem:stale-version");
        await Post(Admin, $"/api/experts/{entry.Id}/withdrawal", new WithdrawExpert(1, ""), 400);
        await Post(Caseworker, "/api/experts", new RegisterExpert(NewUserId(), "Erwin", null, ["Recht"]), 403);
        await Send(Caseworker, HttpMethod.Put, $"/api/experts/{entry.Id}", new ChangeExpertEntry(1, "Erwin", null, ["Recht"]), 403);
        await GetExpecting(Applicant, "/api/experts", 403);
        await GetExpecting(DemoUsers.ExternalExpert, "/api/experts", 403);
        await Send(Admin, HttpMethod.Put, $"/api/experts/{Guid.NewGuid()}", new ChangeExpertEntry(1, "Erwin", null, ["Recht"]), 404);

        (await EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task Only_an_active_expert_of_the_directory_is_assigned_under_the_directorys_name()
    {
        var application = await SubmittedWithCriteria();
        var userId = NewUserId();
        var before = await EventCount();

        (await ProblemOf(await Post(Caseworker, $"/api/applications/{application}/reviewers",
            new AssignReviewer(2, userId, "Ernst", External: true), 409))).Type.ShouldBe("urn:fachwerk:problem:review.expert-not-in-directory");
        (await EventCount()).ShouldBe(before);

        var entry = await Register(userId);
        var version = await Act(Caseworker, application, "reviewers", new AssignReviewer(2, userId, null, External: true));
        (await Get<ApplicationReviews>(Caseworker, $"/api/applications/{application}/reviews")).Reviewers.ShouldHaveSingleItem()
            .ShouldSatisfyAllConditions(r => r.Name.ShouldBe("Dr. Ernst Extern"), r => r.External.ShouldBeTrue());

        // Withdrawn, the expert is assigned nowhere new, and keeps the assignment made before.
        await Post(Admin, $"/api/experts/{entry.Id}/withdrawal", new WithdrawExpert(1, "Befangenheit in der Region"));
        var other = await SubmittedWithCriteria();
        (await ProblemOf(await Post(Caseworker, $"/api/applications/{other}/reviewers",
            new AssignReviewer(2, userId, "Ernst", External: true), 409))).Type.ShouldBe("urn:fachwerk:problem:review.expert-not-in-directory");
        (await Get<ApplicationReviews>(Caseworker, $"/api/applications/{application}/reviews")).Reviewers.ShouldHaveSingleItem().Reviewer.ShouldBe(userId);
        version.ShouldBe(3);

        // The programme's rule is unchanged, and an alliance reviewer needs no entry (nor an expert assigned as one).
        var closed = await SubmittedWithCriteria(allowsExperts: false);
        (await ProblemOf(await Post(Caseworker, $"/api/applications/{closed}/reviewers",
            new AssignReviewer(2, userId, "Ernst", External: true), 409))).Type.ShouldBe("urn:fachwerk:problem:review.external-not-allowed");
        await Act(Caseworker, closed, "reviewers", new AssignReviewer(2, Reviewer.Id, Reviewer.DisplayName));
        await Post(Caseworker, $"/api/applications/{closed}/reviewers", new AssignReviewer(3, Reviewer.Id, null), 400);
    }
}
