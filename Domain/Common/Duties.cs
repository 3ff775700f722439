namespace Fachwerk.Domain.Common;

/// <summary>
/// The rules that keep one person from deciding or paying alone: the four-eyes principle for decisions and payments, and
/// separation of duties on a case. A refusal under one of them is a security event (logged with the user and the operation).
/// </summary>
public static class Duties
{
    /// <summary>A decision is confirmed by someone other than its proposer.</summary>
    public const string DecisionFourEyes = "application.four-eyes";

    /// <summary>One person alone pays out at most the threshold on an application, all payments together.</summary>
    public const string PaymentFourEyes = "payment.four-eyes";

    /// <summary>The account a grant is paid into is confirmed by someone other than its proposer.</summary>
    public const string PayeeFourEyes = "payee.four-eyes";

    /// <summary>Nobody acts on both sides of a case: for the applicant, and for the funding authority or the alliance.</summary>
    public const string SeparationOfDuties = "application.separation-of-duties";

    public static bool Guards(RuleViolation refusal) =>
        refusal?.Code is DecisionFourEyes or PaymentFourEyes or PayeeFourEyes or SeparationOfDuties;
}
