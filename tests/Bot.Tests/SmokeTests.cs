namespace Bot.Tests;
