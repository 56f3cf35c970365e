using Bot.Dialogs.Conversation;
using Bot.Host.Conversation;
using Bot.Host.Storage;

namespace Bot.Host.LocalChat;

/// <summary>
/// With no channel configured, a chat in the terminal that talks to the same dialog and the same Redis:
/// type answers, a button's number to press it, or a file path to upload that file.
/// </summary>
public sealed class LocalChatService(TurnProcessor turns, IHostApplicationLifetime lifetime, ILogger<LocalChatService> logger) : BackgroundService
{
    private static readonly StudentKey Student = new("cli", "local");

    /// <summary>The language of the last turn, to say even "Redis is away" in it; the terminal's culture at first.</summary>
    private Bot.Dialogs.Messages.Language language = Bot.Dialogs.Messages.Languages.FromHint(System.Globalization.CultureInfo.CurrentCulture.Name);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let the host finish starting (and log where it listens) before the prompt appears.
        await Task.Yield();
        var console = Console.In;
        var buttons = new List<Choice>();
        var turn = 0L;
        Console.WriteLine("ARC Helper local chat. Type your answers; a number presses a button; a file path uploads it; Ctrl+D quits.");
        await RunTurnAsync(Inbound.FromText("/start", System.Globalization.CultureInfo.CurrentCulture.Name) with { Deletable = true }, ++turn, buttons, stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            Console.Write("> ");
            var line = await console.ReadLineAsync(stoppingToken);
            if (line is null)
            {
                lifetime.StopApplication();
                return;
            }

            // What is typed here stays in this process's memory: the dialog may offer to check a password.
            await RunTurnAsync(ToInbound(line.Trim(), buttons) with { Deletable = true }, ++turn, buttons, stoppingToken);
        }
    }

    private static Inbound ToInbound(string line, List<Choice> buttons)
    {
        if (int.TryParse(line, out var number) && number >= 1 && number <= buttons.Count)
        {
            return Inbound.Button(buttons[number - 1].Data);
        }

        if (line.Length > 1 && (line.StartsWith('/') || line.StartsWith('~') || line.StartsWith('.')) && File.Exists(ExpandHome(line)))
        {
            var file = new FileInfo(ExpandHome(line));
            var isPhoto = file.Extension.ToLowerInvariant() is ".jpg" or ".jpeg" or ".png" or ".heic" or ".webp";
            return Inbound.Files([new UploadRef("file://" + file.FullName, file.Name, null, file.Length, isPhoto)]);
        }

        return Inbound.FromText(line);
    }

    private static string ExpandHome(string path) =>
        path.StartsWith('~') ? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) + path[1..] : path;

    private async Task RunTurnAsync(Inbound inbound, long turn, List<Choice> buttons, CancellationToken cancellationToken)
    {
        try
        {
            // Each local turn gets a fresh id: the outbox replay is for platform redeliveries only.
            var outcome = await turns.RunAsync(Student, $"{DateTimeOffset.UtcNow.Ticks}-{turn}", inbound, cancellationToken);
            if (outcome is null)
            {
                return;
            }

            buttons.Clear();
            language = outcome.State?.Language ?? language;
            foreach (var reply in outcome.Replies)
            {
                Console.WriteLine();
                Console.WriteLine(reply.PlainText);
                foreach (var row in (reply.Buttons ?? []).Select(r => r.Where(c => !c.Data.StartsWith(ButtonData.InputPrefix, StringComparison.Ordinal)).ToList()).Where(r => r.Count > 0))
                {
                    Console.WriteLine("   " + string.Join("   ", row.Select(c =>
                    {
                        buttons.Add(c);
                        return $"[{buttons.Count}] {c.Label}";
                    })));
                }
            }

            if (outcome.Effects.HasFlag(TurnEffects.EraseStudent))
            {
                buttons.Clear();
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LocalChatLog.TurnFailed(logger, e);
            Console.WriteLine(Bot.Dialogs.Messages.MessageCatalogue.Default.Text(language, "local.turnFailed"));
        }
    }
}

internal static partial class LocalChatLog
{
    [LoggerMessage(EventId = 300, Level = LogLevel.Error, Message = "A local chat turn failed")]
    public static partial void TurnFailed(ILogger logger, Exception exception);
}
