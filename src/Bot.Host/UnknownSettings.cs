using System.ComponentModel;
using System.Reflection;
using Bot.Host.Conversation;

namespace Bot.Host;

/// <summary>
/// Warns at start about keys in the host's configuration sections that no setting reads. The binder ignores them
/// silently, so a mistyped <c>Line:ChanelSecret</c> would leave LINE off without a word. The sections are those of the
/// options classes in this assembly (a <c>const string Section</c> or <c>SectionName</c>, walked through nested
/// classes and lists), plus the few read without one; a top-level section one or two letters from one of them is
/// named too. Keys only, never values.
/// </summary>
internal static partial class UnknownSettings
{
    private static readonly (string Section, Type Shape)[] WithoutOptionsClass =
    [
        ("ConnectionStrings", typeof(ConnectionStringsKeys)),
        ("LocalChat", typeof(LocalChatKeys)),
        ("Schools", typeof(List<SchoolOptions>)),
    ];

    public static WebApplication WarnAboutUnknownSettings(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(UnknownSettings).FullName!);
        foreach (var (key, suggestion) in Find(app.Configuration))
        {
            if (suggestion is null)
            {
                UnknownKey(logger, key);
            }
            else
            {
                UnknownKeyNear(logger, key, suggestion);
            }
        }

        return app;
    }

    /// <summary>Each unknown key (its full path) with the closest known one, if one is close.</summary>
    public static IEnumerable<(string Key, string? Suggestion)> Find(IConfiguration configuration)
    {
        var sections = Sections();
        foreach (var top in configuration.GetChildren().Where(c => c.GetChildren().Any()))
        {
            // Several options classes may read one section (Storage: StorageOptions and StorageEncryptionOptions): a key is
            // unknown when none of them reads it.
            var shapes = sections.Where(s => s.Section.Equals(top.Key, StringComparison.OrdinalIgnoreCase)).Select(s => s.Shape).ToList();
            if (shapes.Count > 0)
            {
                var unknownToAll = shapes.Skip(1).Aggregate(
                    Walk(top, shapes[0]).ToList(),
                    (unknown, shape) => [.. unknown.Where(u => Walk(top, shape).Any(o => o.Key == u.Key))]);
                foreach (var unknown in unknownToAll)
                {
                    yield return unknown;
                }
            }
            else if (Closest(top.Key, sections.Select(s => s.Section)) is { } near)
            {
                yield return (top.Path, near);
            }
        }
    }

    /// <summary>The options classes that name their section, and the sections read without one.</summary>
    private static IReadOnlyList<(string Section, Type Shape)> Sections() =>
    [
        .. typeof(UnknownSettings).Assembly.GetTypes()
            .Where(t => t.Name.EndsWith("Options", StringComparison.Ordinal) && t.IsClass)
            .Select(t => (Field: t.GetField("Section") ?? t.GetField("SectionName"), Type: t))
            .Where(x => x.Field is { IsLiteral: true } && x.Field.FieldType == typeof(string))
            .Select(x => ((string)x.Field!.GetRawConstantValue()!, x.Type)),
        .. WithoutOptionsClass,
    ];

    private static IEnumerable<(string Key, string? Suggestion)> Walk(IConfigurationSection section, Type shape)
    {
        var element = ElementType(shape);
        var properties = IsScalar(shape) || element is not null ? [] : Bindable(shape);
        foreach (var child in section.GetChildren())
        {
            Type? childShape = null;
            if (element is not null)
            {
                // A list or array: indices; a dictionary: any key.
                childShape = IsDictionary(shape) || int.TryParse(child.Key, out _) ? element : null;
            }
            else
            {
                childShape = properties.FirstOrDefault(p => p.Name.Equals(child.Key, StringComparison.OrdinalIgnoreCase))?.PropertyType;
            }

            if (childShape is null)
            {
                var near = Closest(child.Key, properties.Select(p => p.Name));
                yield return (child.Path, near is null ? null : ConfigurationPath.Combine(section.Path, near));
                continue;
            }

            foreach (var unknown in Walk(child, childShape))
            {
                yield return unknown;
            }
        }
    }

    /// <summary>What the binder sets: public settable properties, and collections or objects it fills in place.</summary>
    private static List<PropertyInfo> Bindable(Type type) =>
    [
        .. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && (p.SetMethod is { IsPublic: true } || (p.CanRead && !IsScalar(p.PropertyType)))),
    ];

    private static bool IsScalar(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying == typeof(string) || TypeDescriptor.GetConverter(underlying).CanConvertFrom(typeof(string));
    }

    private static bool IsDictionary(Type type) =>
        type.GetInterfaces().Append(type).Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDictionary<,>));

    /// <summary>The element of an array or list, the value of a dictionary; null for anything else.</summary>
    private static Type? ElementType(Type type)
    {
        if (type.IsArray)
        {
            return type.GetElementType();
        }

        if (IsScalar(type))
        {
            return null;
        }

        var interfaces = type.GetInterfaces().Append(type).Where(i => i.IsGenericType).ToList();
        var dictionary = interfaces.FirstOrDefault(i => i.GetGenericTypeDefinition() == typeof(IDictionary<,>));
        if (dictionary is not null)
        {
            return dictionary.GetGenericArguments()[1];
        }

        return interfaces.FirstOrDefault(i => i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];
    }

    /// <summary>The nearest candidate, ignoring case, if it is one edit away (short names), two, or three (long names); else null.</summary>
    private static string? Closest(string key, IEnumerable<string> candidates) =>
        candidates
            .Select(c => (Name: c, Distance: Distance(key.ToUpperInvariant(), c.ToUpperInvariant())))
            .Where(c => c.Distance <= key.Length switch { <= 4 => 1, <= 10 => 2, _ => 3 })
            .OrderBy(c => c.Distance)
            .Select(c => c.Name)
            .FirstOrDefault();

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1], previous[j]) + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }

    [LoggerMessage(EventId = 900, Level = LogLevel.Warning, Message = "Configuration key {Key} is not a setting of this host and is ignored")]
    private static partial void UnknownKey(ILogger logger, string key);

    [LoggerMessage(EventId = 901, Level = LogLevel.Warning, Message = "Configuration key {Key} is not a setting of this host and is ignored: did you mean {Suggestion}?")]
    private static partial void UnknownKeyNear(ILogger logger, string key, string suggestion);

    /// <summary><c>ConnectionStrings:Redis</c> is read with GetConnectionString.</summary>
    private sealed class ConnectionStringsKeys
    {
        public string? Redis { get; set; }
    }

    /// <summary><c>LocalChat:Enabled</c> is read with GetValue.</summary>
    private sealed class LocalChatKeys
    {
        public bool Enabled { get; set; }
    }
}
