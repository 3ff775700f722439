using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Fachwerk.Host.Development;
using Fachwerk.Host.Development.Tokens;
using Fachwerk.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Fachwerk.IntegrationTests.Platform;

/// <summary>
/// Walks every operation of the OpenAPI document with every role (and without a token) and compares what the host
/// answers with <see cref="Matrix"/>, the table of who may call what. A new endpoint fails here until someone decides
/// who may call it; docs/access.md is that table for readers and must match it.
/// Only the role is tested here: which organisation, alliance or pilot a user may act for is shown by the isolation tests.
/// </summary>
public class AccessMatrixTests(AppFixture fixture) : IntegrationContext(fixture)
{
    internal const string Anyone = "anyone";
    internal const string SignedIn = "signed in";
    internal const string Applicant = "applicant", Caseworker = "caseworker", Approver = "approver", AllianceReviewer = "alliance-reviewer",
        ProjectLead = "project-lead", Auditor = "auditor", Administrator = "administrator", AllianceCoordinator = "alliance-coordinator",
        OrganisationAdministrator = "organisation-administrator", DashboardReader = "dashboard-reader", ExternalExpert = "external-expert";

    /// <summary>One user per role, each with a single role.</summary>
    internal static readonly IReadOnlyDictionary<string, DemoUser> UserOf = new Dictionary<string, DemoUser>
    {
        [Applicant] = DemoUsers.Applicant, [Caseworker] = DemoUsers.Caseworker, [Approver] = DemoUsers.Approver,
        [AllianceReviewer] = DemoUsers.AllianceReviewer, [ProjectLead] = DemoUsers.ProjectLead, [Auditor] = DemoUsers.Auditor,
        [Administrator] = DemoUsers.Administrator, [AllianceCoordinator] = DemoUsers.AllianceCoordinator,
        [OrganisationAdministrator] = DemoUsers.OrganisationAdministrator with { Roles = [OrganisationAdministrator] },
        [DashboardReader] = DemoUsers.DashboardReader, [ExternalExpert] = DemoUsers.ExternalExpert,
    };

    /// <summary>Who may call each operation: <see cref="Anyone"/>, <see cref="SignedIn"/>, or the roles allowed.</summary>
    internal static readonly IReadOnlyDictionary<string, string[]> Matrix = new SortedDictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["POST /dev/token"] = [Anyone],

        ["GET /api/organisations"] = [SignedIn],
        ["GET /api/organisations/{id}"] = [SignedIn],
        ["GET /api/organisations/{id}/de-minimis"] = [Caseworker, Approver, Auditor, Administrator, Applicant],
        ["POST /api/organisations"] = [Caseworker, Administrator],

        ["GET /api/alliances"] = [SignedIn],
        ["GET /api/alliances/{id}"] = [SignedIn],
        ["GET /api/alliances/{id}/pipeline"] = [Caseworker, Approver, Auditor, Administrator, AllianceReviewer, DashboardReader],
        ["GET /api/alliances/{id}/pipeline/months"] = [Caseworker, Approver, Auditor, Administrator, AllianceReviewer, DashboardReader],
        ["GET /api/alliances/{id}/statements"] = [Caseworker, Approver, Auditor, Administrator, AllianceReviewer],
        ["POST /api/alliances"] = [Caseworker, Administrator],
        ["POST /api/alliances/{allianceId}/recognition"] = [Caseworker, Administrator],
        ["POST /api/alliances/{allianceId}/recognition/withdrawal"] = [Caseworker, Administrator],
        ["POST /api/alliances/{allianceId}/members"] = [Caseworker, Administrator],
        ["POST /api/alliances/{allianceId}/members/{organisationId}/departure"] = [Caseworker, Administrator],
        ["PUT /api/alliances/{allianceId}/target-groups"] = [Caseworker, Administrator],
        ["POST /api/alliances/{allianceId}/dissolution"] = [Caseworker, Administrator],

        ["GET /api/programmes"] = [SignedIn],
        ["GET /api/programmes/{id}"] = [SignedIn],
        ["GET /api/programmes/{id}/budget"] = [SignedIn],
        ["GET /api/programmes/{id}/budget/months"] = [SignedIn],
        ["GET /api/programmes/{id}/budget/regions"] = [SignedIn],
        ["POST /api/programmes"] = [Caseworker, Administrator],
        ["POST /api/programmes/{programmeId}/top-ups"] = [Caseworker, Administrator],
        ["POST /api/programmes/{programmeId}/cuts"] = [Caseworker, Administrator],
        ["PUT /api/programmes/{programmeId}/planning-budgets/{allianceId}"] = [Caseworker, Administrator],
        ["PUT /api/programmes/{programmeId}/eligibility"] = [Caseworker, Administrator],
        ["POST /api/programmes/{programmeId}/calls"] = [Caseworker, Administrator],
        ["PUT /api/programmes/{programmeId}/review-criteria"] = [Caseworker, Administrator],
        ["PUT /api/programmes/{programmeId}/application-form"] = [Caseworker, Administrator],
        ["GET /api/programmes/{id}/application-form"] = [SignedIn],
        ["POST /api/programmes/{programmeId}/calls/{number}/extension"] = [Caseworker, Administrator],
        ["POST /api/programmes/{programmeId}/calls/{number}/closure"] = [Caseworker, Administrator],
        ["GET /api/states/{code}"] = [SignedIn],
        ["POST /api/programmes/{programmeId}/in-depth-samples"] = [Caseworker],
        ["GET /api/in-depth-samples/{id}"] = [Caseworker, Approver, Auditor, Administrator],
        ["GET /api/in-depth-samples"] = [Caseworker, Approver, Auditor, Administrator],

        ["GET /api/applications"] = [Caseworker, Approver, Auditor, Administrator, Applicant, AllianceReviewer],
        ["GET /api/applications/{id}"] = [Caseworker, Approver, Auditor, Administrator, Applicant, AllianceReviewer, ExternalExpert],
        ["GET /api/applications/{id}/history"] = [Caseworker, Approver, Auditor, Administrator],
        ["GET /api/inbox"] = [Caseworker, Approver, Auditor, Administrator, Applicant, AllianceReviewer],
        ["GET /api/overdue"] = [Caseworker, Approver, Auditor, Administrator],
        ["GET /api/inbox/queues"] = [Caseworker, Approver, Auditor, Administrator],
        ["GET /api/colleagues"] = [Caseworker, Approver, Auditor, Administrator],
        ["PUT /api/applications/{applicationId}/assignment"] = [Caseworker, Approver],
        ["POST /api/applications/{applicationId}/assignment/release"] = [Caseworker, Approver],
        ["POST /api/applications"] = [Applicant],
        ["PUT /api/programmes/{programmeId}/person-applicants"] = [Caseworker, Administrator],
        ["POST /api/applications/persons"] = [Applicant],
        ["GET /api/applications/{applicationId}/applicant-person"] = [Caseworker, Approver, Auditor, Administrator, Applicant, AllianceReviewer],
        ["POST /api/applications/{applicationId}/applicant-person/erasure"] = [Caseworker],
        ["PUT /api/applications/{applicationId}/legal-hold"] = [Caseworker],
        ["POST /api/applications/{applicationId}/legal-hold/lifting"] = [Caseworker],
        ["GET /api/applications/{applicationId}/obligations"] = [Caseworker, Approver, Auditor, Administrator, Applicant, AllianceReviewer],
        ["POST /api/applications/{applicationId}/obligations"] = [Caseworker],
        ["POST /api/applications/{applicationId}/obligations/{number}/evidence"] = [Caseworker],
        ["POST /api/applications/{applicationId}/obligations/{number}/breach"] = [Caseworker],
        ["PUT /api/applications/{applicationId}/plan"] = [Applicant],
        ["PUT /api/applications/{applicationId}/extra-data"] = [Applicant],
        ["POST /api/applications/{applicationId}/submission"] = [Applicant],
        ["POST /api/applications/{applicationId}/withdrawal"] = [Applicant],
        ["POST /api/applications/{applicationId}/document-supplies"] = [Applicant],
        ["GET /api/applications/{id}/conversation"] = [Caseworker, Approver, Auditor, Administrator, Applicant],
        ["PUT /api/applications/{id}/conversation/read-mark"] = [Caseworker, Approver, Applicant],
        ["POST /api/messages"] = [Caseworker, Approver, Applicant],
        ["POST /api/internal-notes"] = [Caseworker, Approver],
        ["POST /api/applications/{applicationId}/document-requests"] = [Caseworker],
        ["POST /api/applications/{applicationId}/documents"] = [Applicant],
        ["GET /api/applications/{id}/documents/{document}"] = [Caseworker, Approver, Auditor, Administrator, Applicant, AllianceReviewer, ExternalExpert],
        ["POST /api/applications/{applicationId}/formal-completeness"] = [Caseworker],
        ["POST /api/applications/{applicationId}/alliance-vote"] = [AllianceReviewer],
        ["GET /api/applications/{applicationId}/reviews"] = [Caseworker, Approver, Auditor, Administrator, AllianceReviewer, ExternalExpert],
        ["GET /api/review-assignments"] = [ExternalExpert],
        ["POST /api/applications/{applicationId}/reviewers"] = [Caseworker, AllianceReviewer],

        ["GET /api/experts"] = [Caseworker, Approver, Auditor, Administrator],
        ["POST /api/experts"] = [Administrator],
        ["PUT /api/experts/{expertId}"] = [Administrator],
        ["POST /api/experts/{expertId}/withdrawal"] = [Administrator],
        ["PUT /api/applications/{applicationId}/review"] = [AllianceReviewer, ExternalExpert],
        ["POST /api/applications/{applicationId}/review-conflict"] = [AllianceReviewer, ExternalExpert],
        ["POST /api/applications/{applicationId}/decision-proposal"] = [Caseworker],
        ["POST /api/applications/{applicationId}/decision-confirmation"] = [Approver],
        ["POST /api/applications/{applicationId}/decision-return"] = [Approver],
        ["POST /api/applications/{applicationId}/amendments"] = [Caseworker],
        ["POST /api/applications/{applicationId}/amendments/confirmation"] = [Approver],
        ["POST /api/applications/{applicationId}/amendments/return"] = [Approver],
        ["POST /api/applications/{applicationId}/payment-requests"] = [Applicant],
        ["POST /api/applications/{applicationId}/payment-requests/{number}/check"] = [Caseworker],
        ["POST /api/applications/{applicationId}/payment-requests/{number}/release"] = [Caseworker],
        ["POST /api/applications/{applicationId}/payee-account"] = [Applicant, Caseworker],
        ["POST /api/applications/{applicationId}/payee-account/confirmation"] = [Caseworker],
        ["POST /api/applications/{applicationId}/payment-requests/{number}/refusal"] = [Caseworker],
        ["POST /api/applications/{applicationId}/approved-amount-reduction"] = [Caseworker],
        ["POST /api/applications/{applicationId}/proofs-of-use/{proof}"] = [Applicant],
        ["POST /api/applications/{applicationId}/proofs-of-use/{proof}/extension"] = [Caseworker],
        ["POST /api/applications/{applicationId}/proofs-of-use/{proof}/first-check"] = [Caseworker],
        ["POST /api/applications/{applicationId}/proofs-of-use/{proof}/in-depth-check"] = [Caseworker],
        ["POST /api/applications/{applicationId}/reclaims"] = [Caseworker],
        ["POST /api/applications/{applicationId}/repayments"] = [Caseworker],
        ["POST /api/applications/{applicationId}/closure"] = [Caseworker],

        ["GET /api/audit/streams/{streamId}/timeline"] = [Auditor, Administrator],
        ["GET /api/audit/streams/{streamId}/state"] = [Auditor, Administrator],
        ["GET /api/audit/applications/{applicationId}/decisions"] = [Auditor, Administrator],
        ["GET /api/audit/applications/{applicationId}/case-file"] = [Auditor, Administrator],
        ["GET /api/audit/chains/verification"] = [Auditor, Administrator],
        ["GET /api/audit/chains/digest"] = [Auditor, Administrator],
        ["POST /api/audit/chains/digest-comparisons"] = [Auditor, Administrator],
        ["GET /api/audit/rule-findings"] = [Auditor, Administrator],
        ["GET /api/admin/people/{userId}"] = [Auditor, Administrator, OrganisationAdministrator],
        ["POST /api/admin/people/bindings"] = [Administrator, OrganisationAdministrator],
        ["POST /api/admin/people/binding-revocations"] = [Administrator, OrganisationAdministrator],
        ["GET /api/people/me"] = [SignedIn],
        ["GET /api/people/me/notifications"] = [SignedIn],
        ["POST /api/people/me/notifications/{id}/read"] = [Applicant, Caseworker, Approver, AllianceReviewer, ProjectLead, AllianceCoordinator, Administrator],
        ["GET /api/people/me/notification-preferences"] = [SignedIn],
        ["PUT /api/people/me/notification-preferences"] = [Applicant, Caseworker, Approver, AllianceReviewer, ProjectLead, AllianceCoordinator, Administrator],
        ["GET /api/admin/projections"] = [Administrator],
        ["POST /api/admin/projections/{name}/rebuilds"] = [Administrator],
        ["GET /api/admin/projection-rebuilds/{id}"] = [Administrator],
        ["GET /api/admin/dead-letters"] = [Administrator],
        ["POST /api/admin/dead-letters/{id}/replay"] = [Administrator],

        ["GET /api/pilots"] = [SignedIn],
        ["GET /api/pilots/{id}"] = [SignedIn],
        ["GET /api/pilots/{id}/demand"] = [SignedIn],
        ["GET /api/pilots/{pilotId}/companies/{companyId}"] = [SignedIn],
        ["GET /api/pilots/{pilotId}/participants"] = [ProjectLead, Caseworker, Auditor],
        ["GET /api/pilots/{pilotId}/participants/{participantId}"] = [ProjectLead, Caseworker, Auditor],
        ["POST /api/pilots"] = [ProjectLead],
        ["POST /api/pilots/{pilotId}/partners"] = [ProjectLead],
        ["PUT /api/pilots/{pilotId}/services"] = [ProjectLead],
        ["POST /api/pilots/{pilotId}/companies"] = [ProjectLead],
        ["POST /api/pilots/{pilotId}/participants"] = [ProjectLead],
        ["PUT /api/pilots/{pilotId}/participants/{participantId}/personal-data"] = [ProjectLead],
        ["POST /api/pilots/{pilotId}/participants/{participantId}/referrals"] = [ProjectLead],
        ["POST /api/pilots/{pilotId}/participants/{participantId}/services"] = [ProjectLead],
        ["POST /api/pilots/{pilotId}/participants/{participantId}/placement"] = [ProjectLead],
        ["POST /api/pilots/{pilotId}/participants/{participantId}/erasure"] = [ProjectLead],
        ["POST /api/pilots/{pilotId}/participants/{participantId}/documents"] = [ProjectLead],
        ["GET /api/pilots/{pilotId}/participants/{participantId}/documents/{documentId}"] = [ProjectLead, Caseworker, Auditor],
        ["POST /api/pilots/{pilotId}/intercultural-trainings"] = [ProjectLead],
        ["POST /api/pilots/{pilotId}/spending"] = [ProjectLead],
        ["POST /api/pilots/{pilotId}/spending/{spendingId}/correction"] = [ProjectLead],
        ["POST /api/pilots/{pilotId}/spending/{spendingId}/cancellation"] = [ProjectLead],
        ["POST /api/pilots/{pilotId}/phase-extension"] = [ProjectLead],
        ["POST /api/pilots/{pilotId}/continuation"] = [ProjectLead],
        ["PUT /api/pilots/{pilotId}/legal-hold"] = [ProjectLead],
        ["POST /api/pilots/{pilotId}/legal-hold/lifting"] = [ProjectLead],

        ["GET /api/network-actors"] = [SignedIn],
        ["GET /api/network-actors/{id}"] = [SignedIn],
        ["GET /api/network-actors/{actorId}/contact-persons"] = [Caseworker, Administrator, Auditor, AllianceCoordinator],
        ["POST /api/network-actors"] = [Caseworker, Administrator, AllianceCoordinator],
        ["POST /api/network-actors/{actorId}/members"] = [Caseworker, Administrator, AllianceCoordinator],
        ["POST /api/network-actors/{actorId}/members/{memberId}/departure"] = [Caseworker, Administrator, AllianceCoordinator],
        ["POST /api/network-actors/{actorId}/contact-persons"] = [Caseworker, Administrator, AllianceCoordinator],
        ["POST /api/network-actors/{actorId}/contact-persons/{contactPersonId}/erasure"] = [Caseworker, Administrator, AllianceCoordinator],
        ["GET /api/cooperation-agreements"] = [SignedIn],
        ["GET /api/cooperation-agreements/{id}"] = [SignedIn],
        ["POST /api/cooperation-agreements"] = [Caseworker, Administrator],
        ["POST /api/cooperation-agreements/{agreementId}/extension"] = [Caseworker, Administrator],
        ["POST /api/cooperation-agreements/{agreementId}/termination"] = [Caseworker, Administrator],
        ["GET /api/activity-series"] = [SignedIn],
        ["GET /api/activity-series/{id}"] = [SignedIn],
        ["POST /api/activity-series"] = [Caseworker, Administrator, AllianceCoordinator],
        ["GET /api/activities"] = [SignedIn],
        ["GET /api/activities/{id}"] = [SignedIn],
        ["GET /api/activities/{activityId}/registrations"] = [Caseworker, Administrator, Auditor, AllianceCoordinator],
        ["GET /api/activities/{activityId}/speakers"] = [Caseworker, Administrator, Auditor, AllianceCoordinator],
        ["POST /api/activities"] = [Caseworker, Administrator, AllianceCoordinator],
        ["PUT /api/activities/{activityId}/plan"] = [Caseworker, Administrator, AllianceCoordinator],
        ["POST /api/activities/{activityId}/announcement"] = [Caseworker, Administrator, AllianceCoordinator],
        ["POST /api/activities/{activityId}/funding"] = [Caseworker, Administrator, AllianceCoordinator],
        ["POST /api/activities/{activityId}/registrations"] = [Caseworker, Administrator, AllianceCoordinator],
        ["POST /api/activities/{activityId}/registrations/{registrationId}/cancellation"] = [Caseworker, Administrator, AllianceCoordinator],
        ["POST /api/activities/{activityId}/registrations/{registrationId}/erasure"] = [Caseworker, Administrator, AllianceCoordinator],
        ["POST /api/activities/{activityId}/holding"] = [Caseworker, Administrator, AllianceCoordinator],
        ["POST /api/activities/{activityId}/speakers/{speakerId}/erasure"] = [Caseworker, Administrator, AllianceCoordinator],
        ["POST /api/activities/{activityId}/report"] = [Caseworker, Administrator, AllianceCoordinator],
        ["POST /api/activities/{activityId}/cancellation"] = [Caseworker, Administrator, AllianceCoordinator],
        ["GET /api/instruments"] = [SignedIn],
        ["GET /api/instruments/{id}"] = [SignedIn],
        ["POST /api/instruments"] = [Caseworker, Administrator],
        ["POST /api/instruments/{instrumentId}/uses"] = [Caseworker, Administrator],
        ["POST /api/instruments/{instrumentId}/seals"] = [Caseworker, Administrator],
        ["POST /api/instruments/{instrumentId}/seals/{schoolId}/renewal"] = [Caseworker, Administrator],
        ["GET /api/cohorts"] = [SignedIn],
        ["GET /api/cohorts/{id}"] = [SignedIn],
        ["GET /api/cohorts/{cohortId}/participants"] = [Caseworker, Administrator, Auditor],
        ["POST /api/cohorts"] = [Caseworker, Administrator],
        ["POST /api/cohorts/{cohortId}/participants"] = [Caseworker, Administrator],
        ["POST /api/cohorts/{cohortId}/participants/{participantId}/erasure"] = [Caseworker, Administrator],
        ["POST /api/cohorts/{cohortId}/sessions"] = [Caseworker, Administrator],
        ["POST /api/cohorts/{cohortId}/final-presentation"] = [Caseworker, Administrator],
        ["GET /api/concepts"] = [SignedIn],
        ["GET /api/concepts/{id}"] = [SignedIn],
        ["POST /api/concepts"] = [Caseworker, Administrator],
        ["POST /api/concepts/{conceptId}/project"] = [Caseworker, Administrator],
        ["POST /api/concepts/{conceptId}/funding-application"] = [Caseworker, Administrator],
        ["GET /api/project-ideas"] = [SignedIn],
        ["GET /api/project-ideas/{id}"] = [SignedIn],
        ["POST /api/project-ideas"] = [Caseworker, Administrator, AllianceCoordinator],
        ["POST /api/project-ideas/{ideaId}/partners"] = [Caseworker, Administrator, AllianceCoordinator],
        ["POST /api/project-ideas/{ideaId}/realisation"] = [Caseworker, Administrator, AllianceCoordinator],
        ["POST /api/project-ideas/{ideaId}/abandonment"] = [Caseworker, Administrator, AllianceCoordinator],
        ["GET /api/recommendations"] = [SignedIn],
        ["GET /api/recommendations/{id}"] = [SignedIn],
        ["POST /api/recommendations"] = [Caseworker, Administrator, AllianceCoordinator],
        ["POST /api/recommendations/{recommendationId}/follow-ups"] = [Caseworker, Administrator, AllianceCoordinator],
        ["GET /api/network-dashboards/alliances/{allianceId}"] = [SignedIn],
        ["GET /api/network-dashboards/regions"] = [SignedIn],
        ["GET /api/applications/{applicationId}/origins"] = [Caseworker, Approver, Auditor, Administrator, Applicant, AllianceReviewer],
    };

    /// <summary>The one id of every route and every binding: bindings match the URL, so only the role can refuse.</summary>
    private static readonly Guid Id = Guid.Parse("0b5e55ed-0000-4000-8000-00000000a11c");

    [Fact]
    public async Task Every_operation_of_the_API_has_an_entry_in_the_access_matrix_and_every_entry_an_operation()
    {
        var operations = (await Operations()).Select(o => o.Key).ToList();

        operations.Except(Matrix.Keys).ShouldBeEmpty("operations without a decision who may call them (add them to the matrix and docs/access.md)");
        Matrix.Keys.Except(operations).ShouldBeEmpty("matrix entries without an operation");
    }

    [Fact]
    public async Task Every_operation_refuses_a_request_without_a_token_unless_it_is_public()
    {
        var wrong = new List<string>();
        foreach (var operation in await Operations())
        {
            if (!Matrix.TryGetValue(operation.Key, out var allowed)) continue;
            if (Mismatch(allowed, role: null, await Call(operation, user: null)) is { } mismatch) wrong.Add($"{operation.Key}: {mismatch}");
        }

        wrong.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(Applicant)]
    [InlineData(Caseworker)]
    [InlineData(Approver)]
    [InlineData(AllianceReviewer)]
    [InlineData(ProjectLead)]
    [InlineData(Auditor)]
    [InlineData(Administrator)]
    [InlineData(AllianceCoordinator)]
    [InlineData(OrganisationAdministrator)]
    [InlineData(DashboardReader)]
    [InlineData(ExternalExpert)]
    public async Task Each_role_is_refused_with_403_exactly_where_the_matrix_says_so(string role)
    {
        var eventsBefore = await EventCount();
        var wrong = new List<string>();
        foreach (var operation in await Operations())
        {
            if (!Matrix.TryGetValue(operation.Key, out var allowed) || allowed.Contains(Anyone)) continue;
            if (Mismatch(allowed, role, await Call(operation, UserOf[role])) is { } mismatch) wrong.Add($"{operation.Key}: {mismatch}");
        }

        wrong.ShouldBeEmpty();
        (await EventCount()).ShouldBe(eventsBefore, "a request in the matrix walk appended events");
    }

    /// <summary>
    /// A user with several roles may call what any of them may call, and nothing more. Which organisation, alliance or pilot each
    /// role acts for is shown by <see cref="RoleCombinationTests"/>.
    /// </summary>
    [Theory]
    [InlineData(Applicant, Auditor)]
    [InlineData(Applicant, Caseworker)]
    [InlineData(AllianceReviewer, Approver)]
    [InlineData(ProjectLead, Auditor)]
    public async Task A_user_with_several_roles_is_refused_with_403_exactly_where_none_of_them_may_call(string role, string other)
    {
        var user = new DemoUser($"{role}.{other}", $"{role} and {other}", [role, other]);
        var eventsBefore = await EventCount();
        var wrong = new List<string>();
        foreach (var operation in await Operations())
        {
            if (!Matrix.TryGetValue(operation.Key, out var allowed) || allowed.Contains(Anyone)) continue;
            var status = await Call(operation, user);
            // Judged as the role that permits the operation, if one does.
            if (Mismatch(allowed, allowed.Contains(other) && !allowed.Contains(role) ? other : role, status) is { } mismatch)
                wrong.Add($"{operation.Key}: {mismatch}");
        }

        wrong.ShouldBeEmpty();
        (await EventCount()).ShouldBe(eventsBefore, "a request in the matrix walk appended events");
    }

    [Theory]
    [InlineData(new[] { Caseworker, Administrator }, Auditor, 400, "403")] // the policy was removed: the request got through
    [InlineData(new[] { Caseworker, Administrator }, Auditor, 201, "403")]
    [InlineData(new[] { Caseworker, Administrator }, Caseworker, 403, "not 401/403")] // a role lost its right
    [InlineData(new[] { SignedIn }, ProjectLead, 403, "not 401/403")]
    [InlineData(new[] { SignedIn }, ProjectLead, 401, "not 401/403")]
    [InlineData(new[] { SignedIn }, null, 200, "401")] // readable without a token
    [InlineData(new[] { SignedIn }, ExternalExpert, 200, "403")] // an expert read what only their assignments should show
    [InlineData(new[] { Anyone }, null, 401, "not 401")]
    public void A_host_answering_otherwise_than_the_matrix_is_reported(string[] allowed, string? role, int status, string expected)
    {
        Mismatch(allowed, role, status).ShouldBe($"{status}, expected {expected}");
    }

    [Theory]
    [InlineData(new[] { Caseworker, Administrator }, Auditor, 403)]
    [InlineData(new[] { Caseworker, Administrator }, Caseworker, 400)]
    [InlineData(new[] { Caseworker, Administrator }, Administrator, 404)]
    [InlineData(new[] { SignedIn }, ProjectLead, 200)]
    [InlineData(new[] { SignedIn }, null, 401)]
    [InlineData(new[] { SignedIn }, ExternalExpert, 403)]
    [InlineData(new[] { Anyone }, null, 400)]
    public void A_host_answering_as_the_matrix_says_is_not_reported(string[] allowed, string? role, int status)
    {
        Mismatch(allowed, role, status).ShouldBeNull();
    }

    /// <summary>
    /// What is wrong with <paramref name="status"/> as the answer to <paramref name="role"/> (null: no token), or null
    /// when it is what the matrix expects: 401 without a token unless public; 403 exactly for the roles not allowed.
    /// Any other status (400, 404, 409, 200) means the role got past the policy, which is all this test is about.
    /// </summary>
    private static string? Mismatch(string[] allowed, string? role, int status)
    {
        string expected;
        bool matches;
        if (role is null)
        {
            var isPublic = allowed.Contains(Anyone);
            (expected, matches) = isPublic ? ("not 401", status != 401) : ("401", status == 401);
        }
        else
        {
            // An external expert reads only what names their role, not what every other signed-in user reads (docs/access.md).
            var may = allowed.Contains(Anyone) || (allowed.Contains(SignedIn) && role != ExternalExpert) || allowed.Contains(role);
            (expected, matches) = may ? ("not 401/403", status is not 401 and not 403) : ("403", status == 403);
        }

        return matches ? null : $"{status}, expected {expected}";
    }

    [Fact]
    public async Task The_access_page_in_docs_shows_the_matrix()
    {
        var page = Path.Combine(Repository.Root, "docs", "access.md");
        File.Exists(page).ShouldBeTrue($"{page} is missing");
        var text = await File.ReadAllTextAsync(page, TestContext.Current.CancellationToken);

        var missing = Matrix.Select(entry => AccessLine(entry.Key, entry.Value)).Where(line => !text.Contains(line, StringComparison.Ordinal)).ToList();
        missing.ShouldBeEmpty("docs/access.md lacks these lines (or shows other roles)");
    }

    /// <summary>The line of docs/access.md's table for an operation, e.g. "| `POST /api/organisations` | caseworker, administrator |".</summary>
    private static string AccessLine(string operation, string[] allowed) =>
        $"| `{operation}` | {string.Join(", ", allowed)} |";

    private sealed record Operation(string Method, string Path, IReadOnlyDictionary<string, string> ParameterTypes)
    {
        public string Key => $"{Method} {Path}";
    }

    private async Task<IReadOnlyList<Operation>> Operations()
    {
        using var document = await ServedOpenApiDocument.LoadAsync(Host);
        var operations = new List<Operation>();
        foreach (var (method, path, operation) in ServedOpenApiDocument.Operations(document))
        {
            var types = new Dictionary<string, string>();
            if (operation.TryGetProperty("parameters", out var parameters))
            {
                foreach (var parameter in parameters.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "path"))
                {
                    var schema = parameter.GetProperty("schema");
                    var type = schema.TryGetProperty("format", out var format) ? format.GetString() : schema.TryGetProperty("type", out var t) ? t.ToString() : null;
                    types[parameter.GetProperty("name").GetString()!] = type ?? "string";
                }
            }

            operations.Add(new Operation(method, path, types));
        }

        return operations;
    }

    /// <summary>Calls the operation with the shared id in every route parameter and an empty JSON object as body.</summary>
    private async Task<int> Call(Operation operation, DemoUser? user)
    {
        var url = new StringBuilder(operation.Path);
        foreach (var (name, type) in operation.ParameterTypes)
            url.Replace("{" + name + "}", type is "uuid" ? Id.ToString() : type.Contains("integer", StringComparison.Ordinal) || type.StartsWith("int", StringComparison.Ordinal) ? "1" : "x");

        using var request = new HttpRequestMessage(new HttpMethod(operation.Method), url.ToString());
        if (operation.Method is not "GET" and not "DELETE")
            request.Content = JsonContent.Create(new { });
        if (user is not null)
        {
            var token = Host.Services.GetRequiredService<DevelopmentTokenIssuer>().Mint(user, Id, Id, Id);
            request.Headers.Authorization = new("Bearer", token);
        }

        using var client = Host.Server.CreateClient();
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        return (int)response.StatusCode;
    }
}
