using Fachwerk.Application.Network.Cooperation;
using Fachwerk.Web.Localization;
using Microsoft.Extensions.Localization;

namespace Fachwerk.Web.Network.Cooperation;

/// <summary>An agreement's term and state in words, the same on the list, the page and in the export.</summary>
public static class AgreementTexts
{
    /// <summary>"01.04.2017 – 31.03.2026", or "ab 12.09.2019, unbefristet".</summary>
    public static string Term(CooperationAgreementDetails agreement, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        ArgumentNullException.ThrowIfNull(text);
        return agreement.ValidUntil is { } until
            ? $"{Formats.Date(agreement.ValidFrom)} – {Formats.Date(until)}"
            : text["agreement.openEnded", Formats.Date(agreement.ValidFrom)];
    }

    /// <summary>In force, not yet begun, run out or terminated, on <paramref name="today"/>.</summary>
    public static string State(CooperationAgreementDetails agreement, DateOnly today, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        ArgumentNullException.ThrowIfNull(text);
        if (agreement.TerminatedOn is { } terminated && terminated <= today) return text["agreement.state.terminated", Formats.Date(terminated)];
        if (agreement.ValidFrom > today) return text["agreement.state.ahead"];
        if (agreement.ValidUntil is { } until && until < today) return text["agreement.state.expired"];
        return text["agreement.state.inForce"];
    }
}
