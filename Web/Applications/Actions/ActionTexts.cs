using Fachwerk.Application.Applications;
using Fachwerk.Web.Localization;
using Microsoft.Extensions.Localization;

namespace Fachwerk.Web.Applications.Actions;

/// <summary>How the action forms name what they act on, and the day they start from.</summary>
public static class ActionTexts
{
    /// <summary>"No. 2 – €5,000.00, needed by 1 Feb 2027".</summary>
    public static string Payment(PaymentRecord payment, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(payment);
        ArgumentNullException.ThrowIfNull(text);
        return text["action.payment.option", payment.Number, Formats.Money(payment.Amount), Formats.Date(payment.NeededBy)];
    }

    /// <summary>"Interim proof (interim-2027), due by 30 Apr 2028".</summary>
    public static string Proof(ProofRecord proof, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(proof);
        ArgumentNullException.ThrowIfNull(text);
        return text["action.proof.option", text["proof.kind." + proof.Kind], proof.Proof, Formats.Date(proof.DueBy)];
    }

    /// <summary>Today in Berlin, where the funding authority books.</summary>
    public static DateOnly Today(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return Domain.Common.AuthorityCalendar.DayOf(clock.GetUtcNow());
    }
}
