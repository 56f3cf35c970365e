using Bot.Host.Line.Api;

namespace Bot.Host.Line;

/// <summary>Checks outgoing messages against <see cref="LineLimits"/> before any request is made.</summary>
public static class LineMessageGuard
{
    public static void CheckMessages(IReadOnlyList<LineMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        if (messages.Count is 0 or > LineLimits.MaxMessagesPerCall)
        {
            throw new LineLimitException(
                $"LINE takes 1 to {LineLimits.MaxMessagesPerCall} messages per call; got {messages.Count}.");
        }

        foreach (var message in messages)
        {
            CheckMessage(message);
        }
    }

    public static void CheckRecipients(IReadOnlyList<string> to)
    {
        ArgumentNullException.ThrowIfNull(to);
        if (to.Count is 0 or > LineLimits.MaxMulticastRecipients)
        {
            throw new LineLimitException(
                $"A LINE multicast takes 1 to {LineLimits.MaxMulticastRecipients} recipients; got {to.Count}.");
        }
    }

    private static void CheckMessage(LineMessage message)
    {
        switch (message)
        {
            case TextMessage text when string.IsNullOrEmpty(text.Text) || text.Text.Length > LineLimits.MaxTextLength:
                throw new LineLimitException(
                    $"A LINE text message has 1 to {LineLimits.MaxTextLength} characters; got {text.Text?.Length ?? 0}.");
            case TemplateMessage { Template: ButtonsTemplate buttons }:
                CheckActions(buttons.Actions, 1, 4, "buttons template");
                break;
            case TemplateMessage { Template: ConfirmTemplate confirm }:
                CheckActions(confirm.Actions, 2, 2, "confirm template");
                break;
            case FlexMessage flex:
                CheckFlex(flex);
                break;
        }

        if (message.QuickReply is { } quickReply)
        {
            if (quickReply.Items.Count > LineLimits.MaxQuickReplyItems)
            {
                throw new LineLimitException(
                    $"LINE shows at most {LineLimits.MaxQuickReplyItems} quick reply items; got {quickReply.Items.Count}.");
            }

            foreach (var item in quickReply.Items)
            {
                CheckAction(item.Action);
            }
        }
    }

    private static void CheckActions(IReadOnlyList<LineAction> actions, int min, int max, string what)
    {
        if (actions.Count < min || actions.Count > max)
        {
            throw new LineLimitException($"A LINE {what} takes {min} to {max} actions; got {actions.Count}.");
        }

        foreach (var action in actions)
        {
            CheckAction(action);
        }
    }

    private static void CheckAction(LineAction action)
    {
        if (action.Label is { } label && LineText.LabelLength(label) > LineLimits.MaxActionLabelLength)
        {
            throw new LineLimitException(
                $"A LINE action label has at most {LineLimits.MaxActionLabelLength} characters; \"{label}\" has {LineText.LabelLength(label)}.");
        }

        if (action is DatetimePickerAction { Mode: "date" } picker
            && !(LineDates.TryParse(picker.Min, out var min) && LineDates.TryParse(picker.Max, out var max) && LineDates.TryParse(picker.Initial, out var initial)
                && min >= LineDates.Earliest && max <= LineDates.Latest && min < max && initial >= min && initial <= max))
        {
            throw new LineLimitException($"A LINE date picker needs yyyy-MM-dd dates with min < max and min <= initial <= max; got {picker.Min}, {picker.Initial}, {picker.Max}.");
        }

        if (action is ClipboardAction { ClipboardText.Length: 0 or > LineFlexSummary.MaxClipboardText } clipboard)
        {
            throw new LineLimitException($"LINE copies 1 to {LineFlexSummary.MaxClipboardText} characters; got {clipboard.ClipboardText.Length}.");
        }

        if (action is PostbackAction { Data.Length: > LineLimits.MaxPostbackDataLength } postback)
        {
            throw new LineLimitException(
                $"LINE postback data has at most {LineLimits.MaxPostbackDataLength} characters; got {postback.Data.Length}.");
        }
    }

    private static void CheckFlex(FlexMessage flex)
    {
        if (flex.AltText.Length is 0 or > LineFlexSummary.MaxAltText)
        {
            throw new LineLimitException($"A LINE Flex message's altText has 1 to {LineFlexSummary.MaxAltText} characters; got {flex.AltText.Length}.");
        }

        if (flex.Contents is FlexCarousel { Contents.Count: 0 or > LineFlexSummary.MaxBubblesPerCarousel } carousel)
        {
            throw new LineLimitException($"A LINE carousel holds 1 to {LineFlexSummary.MaxBubblesPerCarousel} bubbles; got {carousel.Contents.Count}.");
        }

        IEnumerable<FlexBubble> bubbles = flex.Contents switch
        {
            FlexCarousel c => c.Contents.OfType<FlexBubble>(),
            FlexBubble b => [b],
            _ => [],
        };
        foreach (var component in bubbles.SelectMany(b => new[] { b.Header, b.Body, b.Footer }).SelectMany(Components))
        {
            if (component is FlexButton button)
            {
                CheckAction(button.Action);
            }
        }
    }

    private static IEnumerable<FlexComponent> Components(FlexComponent? component) => component switch
    {
        null => [],
        FlexBox box => box.Contents.SelectMany(Components).Prepend(box),
        _ => [component],
    };
}
