// ARC Helper: a Telegram and LINE assistant for Taiwan's ARC applications. See README.md.
Bot.Host.BotApp.Create(args).Run();
