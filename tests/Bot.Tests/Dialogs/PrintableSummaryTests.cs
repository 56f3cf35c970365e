using Bot.Dialogs.Conversation;
using PdfSharp.Pdf.IO;

namespace Bot.Tests.Dialogs;

/// <summary>The summary also comes as a PDF a student can print or keep open beside the NIA form on a computer.</summary>
public sealed class PrintableSummaryTests
{
    [Fact]
    public void TheSummaryEndsWithAPrintablePdfOfTheSameApplication()
    {
        var d = new DialogDriver().ToReview().Press("rev:ok");

        var file = Assert.Single(d.Last.Replies, r => r.File is not null).File!;
        Assert.Equal("application/pdf", file.ContentType);
        Assert.Equal("summary.pdf", file.FileName);
        using var pdf = PdfReader.Open(new MemoryStream(file.Bytes), PdfDocumentOpenMode.Import);
        Assert.InRange(pdf.PageCount, 1, 4);
        Assert.Contains("延期", pdf.Info.Title, StringComparison.Ordinal);
        Assert.Contains("/FontFile2", System.Text.Encoding.Latin1.GetString(file.Bytes), StringComparison.Ordinal);
    }

    [Fact]
    public void ThePdfButtonAndCommandSendItAgainLaterAndTheConversationCarriesOn()
    {
        var d = new DialogDriver().ToReview().Press("rev:ok");
        var first = d.Last.Replies.Single(r => r.File is not null).File!;

        d.Press("pdf");
        var again = Assert.Single(d.Last.Replies, r => r.File is not null).File!;
        Assert.Contains("PDF", d.Last.Replies.First(r => r.File is not null).Text, StringComparison.Ordinal);
        Assert.Contains("receipt", d.Text, StringComparison.OrdinalIgnoreCase);

        d.Say("/pdf");
        Assert.Single(d.Last.Replies, r => r.File is not null);
        Assert.Equal(first.Bytes.Length / 1000, again.Bytes.Length / 1000);
    }

    [Fact]
    public void ThePdfCarriesTheReceiptNumberOnceTyped()
    {
        var d = new DialogDriver().ToReview().Press("rev:ok");
        var before = d.Last.Replies.Single(r => r.File is not null).File!.Bytes;

        d.Say("1045 2273 6210").Say("/pdf");

        var after = Assert.Single(d.Last.Replies, r => r.File is not null).File!.Bytes;
        Assert.NotEqual(before.Length, after.Length);
    }

    [Fact]
    public void ThereIsNoPdfBeforeTheFormIsFilled()
    {
        var d = new DialogDriver().ToRegistration("English");

        d.Say("/pdf");

        Assert.DoesNotContain(d.Last.Replies, r => r.File is not null);
        Assert.Contains("once the form is filled", d.Text, StringComparison.Ordinal);
        Assert.Contains("中文姓名", d.Text, StringComparison.Ordinal);
    }
}
