using Bot.Dialogs.Conversation;

namespace Bot.Dialogs.Forms;

/// <summary>Copies a school profile's address or contact person into the answers when the student chooses "use my school's".</summary>
internal static class SchoolDefaults
{
    public static void CopyAddress(StudentState state, string source, FieldContext context)
    {
        if (source != "school" || context.School?.Address is not { } address)
        {
            return;
        }

        Set(state, "city", NiaLists.Cities.Match(address.City)?.Code ?? address.City);
        Set(state, "district", address.District);
        Set(state, "village", address.Village);
        Set(state, "neighbourhood", address.Neighbourhood);
        Set(state, "street", address.Street);
        Set(state, "lane", address.Lane);
        Set(state, "alley", address.Alley);
        Set(state, "houseNumber", address.Number);
    }

    public static void CopyContact(StudentState state, string source, FieldContext context)
    {
        if (source != "school" || context.School is not { } school)
        {
            return;
        }

        Set(state, "contactName", school.ContactName);
        Set(state, "contactPhone", school.ContactPhone);
        Set(state, "contactNationality", school.ContactNationality ?? "中華民國");
        state.Answers.Remove("contactId");
    }

    private static void Set(StudentState state, string id, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            state.Answers.Remove(id);
        }
        else
        {
            state.Answers[id] = value;
        }
    }
}
