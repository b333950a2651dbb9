using Xuncha.Screening.Rules;

namespace Xuncha.Screening.Engine;

/// <summary>The built-in rules in the order of screening-rules.md. Bump the version when any rule's logic changes.</summary>
public static class RulePack
{
    public const string Version = "2026.11-1";

    public static readonly IReadOnlyList<Rule> Rules =
    [
        new R01CollectAndSpend(), new R02LargeCashPayment(), new R03NoInvoice(), new R04SplitPayments(),
        new R05DuplicatePayment(), new R06PaymentToCadre(), new R07OldReceivable(), new R08Benford(),
        new C01NoPublicTender(), new C02SplitContracts(), new C03LowRent(), new C04RentNotCollected(),
        new C05LeaseTooLong(), new C06ContractWithCadre(), new C07NoDecisionForContract(),
        new S01PaidAfterDeath(), new S02RelativesFavoured(), new S03DoublePaid(), new S04InvalidIdNumber(),
        new G01NoDecisionForPayment(), new G02DecisionSteps(), new G03LateDisclosure(), new P01FrequentPetitions(),
    ];

    public static Rule? Find(string code) => Rules.FirstOrDefault(r => string.Equals(r.Card.Code, code, StringComparison.OrdinalIgnoreCase));

    public static int OrderOf(string code) => Rules.ToList().FindIndex(r => r.Card.Code == code);
}
