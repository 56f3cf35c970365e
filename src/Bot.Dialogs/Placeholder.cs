namespace Bot.Dialogs;
