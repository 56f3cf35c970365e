// ARC Helper: a Telegram and LINE assistant for Taiwan's ARC applications. See README.md.
// `rewrap` re-encrypts students' data in Redis with the active key, then exits (docs/security.md).
if (args is ["rewrap", .. var rest])
{
    return await Bot.Host.Storage.Encryption.RewrapCommand.RunAsync(rest);
}

Bot.Host.BotApp.Create(args).Run();
return 0;
