using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Fachwerk.Application.Applications;
using Fachwerk.Domain.Alliances;
using Fachwerk.Domain.Applications;

using Fachwerk.IntegrationTests.Infrastructure;

namespace Fachwerk.IntegrationTests.WebUi;

/// <summary>The UI's texts exist in both languages, and every key a page uses is there (a missing one would show its key).</summary>
public partial class WebTextsTests
{
    private static readonly string WebFolder = Path.Combine(Repository.Root, "Web");

    private static Dictionary<string, string> Texts(string file) =>
        XDocument.Load(Path.Combine(WebFolder, "Resources", file)).Root!.Elements("data")
            .ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")!.Value);

    [Fact]
    public void English_and_German_have_the_same_keys_and_every_German_text_is_filled()
    {
        var english = Texts("Text.resx");
        var german = Texts("Text.de.resx");

        german.Keys.Order().ShouldBe(english.Keys.Order());
        german.Where(t => string.IsNullOrWhiteSpace(t.Value)).ShouldBeEmpty();
        // Placeholders match, so a translation never drops an amount or a name.
        foreach (var (key, text) in english)
            Placeholders(german[key]).ShouldBe(Placeholders(text), key);
    }

    [Fact]
    public void Every_key_a_page_names_exists_and_every_value_of_the_enums_the_pages_translate_has_its_text()
    {
        var keys = Texts("Text.resx").Keys.ToHashSet();
        var used = Directory.EnumerateFiles(WebFolder, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
                        && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => UsedKey().Matches(File.ReadAllText(f)).Select(m => m.Groups["key"].Value))
            .ToHashSet();

        used.Count.ShouldBeGreaterThan(100);
        used.Where(k => !keys.Contains(k)).ShouldBeEmpty();

        Expect(keys, "status.", Enum.GetNames<ApplicationStatus>());
        Expect(keys, "status.explain.", Enum.GetNames<ApplicationStatus>());
        Expect(keys, "targetGroup.", Enum.GetNames<TargetGroup>());
        Expect(keys, "decision.kind.", Enum.GetNames<DecisionKind>());
        Expect(keys, "proposal.outcome.", Enum.GetNames<ProposalOutcome>());
        Expect(keys, "payment.status.", Enum.GetNames<PaymentRequestStatus>());
        Expect(keys, "proof.kind.", Enum.GetNames<ProofKind>());
        Expect(keys, "notificationKind.", [.. Fachwerk.Application.Notifications.NotificationKinds.Choosable.Select(k => k.ToString())]);
        Expect(keys, "notifications.delivery.", Enum.GetNames<Fachwerk.Application.Notifications.Delivery>());
        Expect(keys, "role.", Fachwerk.Web.Shared.CurrentUser.RoleOrder);
        Expect(keys, "activity.kind.", Enum.GetNames<Fachwerk.Domain.Network.Activities.ActivityKind>());
        Expect(keys, "activity.status.", Enum.GetNames<Fachwerk.Domain.Network.Activities.ActivityStatus>());
        Expect(keys, "activity.explain.", Enum.GetNames<Fachwerk.Domain.Network.Activities.ActivityStatus>());
        Expect(keys, "activity.programmeKind.", Enum.GetNames<Fachwerk.Domain.Network.Activities.ProgrammeItemKind>());
        Expect(keys, "attendeeGroup.", Enum.GetNames<Fachwerk.Domain.Network.AttendeeGroup>());
        Expect(keys, "network.state.", Enum.GetNames<Fachwerk.Domain.Common.FederalState>());
        Expect(keys, "done.", Fachwerk.Web.Network.Activities.Actions.ActivityActions.All);
    }

    private static void Expect(HashSet<string> keys, string prefix, IEnumerable<string> values) =>
        values.Select(v => prefix + v).Where(k => !keys.Contains(k)).ShouldBeEmpty();

    private static string[] Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value).Distinct().Order()];

    // T["key"], text["key"], a column's heading new("key", ...), a form field's label .Map(..., "key") and the navigation's keys.
    [GeneratedRegex("""(?:\b(?:T|text)\[\$?"|\bnew\("|, "(?=[a-z]+\.[a-zA-Z.]+"\)))(?<key>[a-z][a-zA-Z]*\.[a-zA-Z.]+[a-zA-Z])"(?:\]|,|\))""")]
    private static partial Regex UsedKey();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
