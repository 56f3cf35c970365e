namespace Bot.Dialogs.Cases;

/// <summary>Payment channels offered by NIA's 線上繳費 page.</summary>
public enum PaymentMethod
{
    InternationalCreditCard,
    WebAtm,
    VirtualAccount,
    EGovernment,

    /// <summary>7-11, FamilyMart, Hi-Life or OK; NT$8 handling fee and 2–3 working days to clear.</summary>
    ConvenienceStore,
    TaiwanCreditCard,
}
