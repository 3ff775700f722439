using Fachwerk.Application.Common;
using Fachwerk.Application.Organisations;
using Fachwerk.Domain.Organisations;
using Fachwerk.Host.Development;
using Fachwerk.IntegrationTests.Infrastructure;

namespace Fachwerk.IntegrationTests.Organisations;

public class OrganisationTests(AppFixture fixture) : IntegrationContext(fixture)
{
    private static readonly DemoUser Caseworker = DemoUsers.Caseworker;

    [Fact]
    public async Task A_registered_organisation_can_be_read_and_found_by_name_and_kind()
    {
        var created = await Post<StreamCreated>(Caseworker, "/api/organisations",
            new RegisterOrganisation(" Haus Steinstraße e.V. ", OrganisationKind.Association, "Leipzig"), 201);
        await Post<StreamCreated>(Caseworker, "/api/organisations", new RegisterOrganisation("IHK Halle-Dessau", OrganisationKind.ChamberOfCommerce, "Halle (Saale)"), 201);

        var details = await Get<OrganisationDetails>(Caseworker, created.Url);
        details.ShouldBe(new OrganisationDetails(created.Id, "Haus Steinstraße e.V.", OrganisationKind.Association, "Leipzig", 1));
        (await Get<Page<OrganisationDetails>>(Caseworker, "/api/organisations?name=steinstraße")).Items.ShouldHaveSingleItem().Id.ShouldBe(created.Id);
        (await Get<Page<OrganisationDetails>>(Caseworker, "/api/organisations?kind=ChamberOfCommerce")).Items.ShouldHaveSingleItem().Name.ShouldBe("IHK Halle-Dessau");
    }

    [Fact]
    public async Task Registering_without_a_name_or_with_an_over_long_town_answers_400_and_appends_nothing()
    {
        var problem = await ValidationProblemOf(await Post(Caseworker, "/api/organisations",
            new RegisterOrganisation("", OrganisationKind.Company, new string('t', 101)), 400));

        problem.Errors.Keys.ShouldBe(["name", "town"], ignoreOrder: true);
        (await EventCount()).ShouldBe(0);
    }

    [Fact]
    public async Task Reading_an_unknown_organisation_answers_404()
    {
        await Host.Scenario(s =>
        {
            Authorize(s, Caseworker);
            s.Get.Url($"/api/organisations/{Guid.NewGuid()}");
            s.StatusCodeShouldBe(404);
        });
    }
}
