using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ZoomHubPS.Sandbox.Scenarios;

namespace ZoomHubPS.Sandbox.HubSpot
{
    /// <summary>Why one property value was refused (the entries of HubSpot's "Property values were not valid").</summary>
    internal sealed class PropertyProblem
    {
        internal PropertyProblem(string name, string code, string message)
        {
            Name = name;
            Code = code;
            Message = message;
        }

        internal string Name { get; }

        internal string Code { get; }

        internal string Message { get; }
    }

    /// <summary>
    /// The contact property definitions and groups of the portal, plus the rules that turn a written value into the
    /// string HubSpot stores: numbers must parse, dates land on midnight UTC, enumerations must use an option value.
    /// </summary>
    internal sealed class PropertyCatalog
    {
        internal const string DefaultGroup = "contactinformation";

        /// <summary>HubSpot caps a single property value at 65,536 characters (DESIGN: the history property folds before that).</summary>
        internal const int MaxValueLength = 65536;

        internal static readonly string[] Types = { "string", "number", "date", "datetime", "enumeration", "bool", "phone_number" };

        internal static readonly string[] FieldTypes =
            { "text", "textarea", "number", "date", "select", "radio", "checkbox", "booleancheckbox", "file", "html", "phonenumber", "calculation_equation" };

        // Which field types each type accepts when an app creates a property (FACTS §2.6 "valid pairs", plus the
        // string field types HubSpot's own UI offers). Anything else is a 400, which is the safe side for a client.
        private static readonly Dictionary<string, string[]> ValidPairs = new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["string"] = new[] { "text", "textarea", "html", "file", "phonenumber" },
            ["number"] = new[] { "number", "calculation_equation" },
            ["date"] = new[] { "date" },
            ["datetime"] = new[] { "date" },
            ["enumeration"] = new[] { "select", "radio", "checkbox", "booleancheckbox" },
            ["bool"] = new[] { "booleancheckbox" },
            ["phone_number"] = new[] { "phonenumber", "text" },
        };

        private static readonly Regex NamePattern = new Regex("^[a-z][a-z0-9_]*$", RegexOptions.CultureInvariant);

        // Deliberately simple: one @, no spaces, a dot in the domain, no empty labels. Enough to refuse "not-an-email".
        private static readonly Regex EmailPattern = new Regex(@"^[^@\s;,]+@[^@\s;,]+\.[^@\s;,.]+$", RegexOptions.CultureInvariant);

        private readonly Dictionary<string, HubSpotProperty> _properties = new Dictionary<string, HubSpotProperty>(StringComparer.Ordinal);
        private readonly List<HubSpotPropertyGroup> _groups = new List<HubSpotPropertyGroup>();

        internal PropertyCatalog(DateTimeOffset now)
        {
            AddContactDefinitions(now);
        }

        private PropertyCatalog()
        {
        }

        /// <summary>
        /// The marketing-event object's (0-54) definitions: none of HubSpot's own (their names are unconfirmed), one group.
        /// Custom properties sent on an event are kept only when a definition here has their name.
        /// </summary>
        internal static PropertyCatalog ForMarketingEvents()
        {
            var catalog = new PropertyCatalog();
            catalog.AddGroup(new HubSpotPropertyGroup { Name = MarketingEventGroup, Label = "Marketing event information", DisplayOrder = 0 });
            return catalog;
        }

        /// <summary>Default group of marketing-event properties (name unconfirmed).</summary>
        internal const string MarketingEventGroup = "marketingeventinformation";

        private void AddContactDefinitions(DateTimeOffset now)
        {
            AddGroup(new HubSpotPropertyGroup { Name = DefaultGroup, Label = "Contact information", DisplayOrder = 0 });
            AddGroup(new HubSpotPropertyGroup { Name = "emailinformation", Label = "Email information", DisplayOrder = 1 });
            AddGroup(new HubSpotPropertyGroup { Name = "conversioninformation", Label = "Conversion information", DisplayOrder = 2 });

            BuiltIn(now, "email", "Email", "string", "text", unique: true);
            BuiltIn(now, "firstname", "First Name", "string", "text");
            BuiltIn(now, "lastname", "Last Name", "string", "text");
            BuiltIn(now, "hs_additional_emails", "Additional email addresses", "string", "textarea");
            BuiltIn(now, "createdate", "Create Date", "datetime", "date", readOnly: true);
            BuiltIn(now, "lastmodifieddate", "Last Modified Date", "datetime", "date", readOnly: true);
            BuiltIn(now, "hs_object_id", "Record ID", "number", "number", readOnly: true, unique: true);
            BuiltIn(now, "hs_merged_object_ids", "Merged Record IDs", "string", "text", readOnly: true);
            BuiltIn(now, "hs_email_domain", "Email Domain", "string", "text", readOnly: true);
            BuiltIn(now, "company", "Company Name", "string", "text");
            BuiltIn(now, "jobtitle", "Job Title", "string", "text");
            BuiltIn(now, "phone", "Phone Number", "string", "phonenumber");
            BuiltIn(now, "mobilephone", "Mobile Phone Number", "string", "phonenumber");
            BuiltIn(now, "website", "Website URL", "string", "text");
            BuiltIn(now, "address", "Street Address", "string", "text");
            BuiltIn(now, "city", "City", "string", "text");
            BuiltIn(now, "state", "State/Region", "string", "text");
            BuiltIn(now, "zip", "Postal Code", "string", "text");
            BuiltIn(now, "country", "Country/Region", "string", "text");
            BuiltIn(now, "industry", "Industry", "string", "text");
            HubSpotProperty stage = BuiltIn(now, "lifecyclestage", "Lifecycle Stage", "enumeration", "radio");
            string[] stages = { "subscriber", "lead", "marketingqualifiedlead", "salesqualifiedlead", "opportunity", "customer", "evangelist", "other" };
            for (int i = 0; i < stages.Length; i++)
            {
                stage.Options.Add(new HubSpotPropertyOption { Label = stages[i], Value = stages[i], DisplayOrder = i });
            }
        }

        internal IEnumerable<HubSpotProperty> All => _properties.Values;

        internal IReadOnlyList<HubSpotPropertyGroup> Groups => _groups;

        /// <summary>The live (not archived) property, or null.</summary>
        internal HubSpotProperty Find(string name)
            => name != null && _properties.TryGetValue(name, out HubSpotProperty p) && !p.Archived ? p : null;

        /// <summary>The property including archived ones, or null.</summary>
        internal HubSpotProperty FindAny(string name)
            => name != null && _properties.TryGetValue(name, out HubSpotProperty p) ? p : null;

        internal HubSpotPropertyGroup FindGroup(string name)
            => _groups.FirstOrDefault(g => string.Equals(g.Name, name, StringComparison.Ordinal) && !g.Archived);

        internal void AddGroup(HubSpotPropertyGroup group) => _groups.Add(group);

        internal void Add(HubSpotProperty property) => _properties[property.Name] = property;

        internal static bool IsValidName(string name) => !string.IsNullOrEmpty(name) && name.Length <= 100 && NamePattern.IsMatch(name);

        internal static bool IsValidEmail(string email) => !string.IsNullOrEmpty(email) && email.Length <= 254 && EmailPattern.IsMatch(email);

        internal static bool IsValidPair(string type, string fieldType)
            => ValidPairs.TryGetValue(type ?? string.Empty, out string[] fields) && Array.IndexOf(fields, fieldType) >= 0;

        /// <summary>Adds the scenario's contact groups and properties (seeded definitions are trusted, not validated).</summary>
        internal void Seed(HubSpotSeed seed, DateTimeOffset now) => Seed(seed.PropertyGroups, seed.Properties, now);

        /// <summary>Adds groups and properties; a property's missing group is created.</summary>
        internal void Seed(IEnumerable<HubSpotGroupSeed> groups, IEnumerable<HubSpotPropertySeed> properties, DateTimeOffset now)
        {
            foreach (HubSpotGroupSeed g in groups ?? new List<HubSpotGroupSeed>())
            {
                if (FindGroup(g.Name) == null)
                {
                    AddGroup(new HubSpotPropertyGroup { Name = g.Name, Label = g.Label ?? g.Name, DisplayOrder = g.DisplayOrder });
                }
            }

            foreach (HubSpotPropertySeed p in properties ?? new List<HubSpotPropertySeed>())
            {
                if (FindGroup(p.GroupName) == null)
                {
                    AddGroup(new HubSpotPropertyGroup { Name = p.GroupName, Label = p.GroupName });
                }

                Add(new HubSpotProperty
                {
                    Name = p.Name,
                    Label = p.Label ?? p.Name,
                    Type = p.Type ?? "string",
                    FieldType = p.FieldType ?? "text",
                    GroupName = p.GroupName ?? DefaultGroup,
                    Description = p.Description ?? string.Empty,
                    Hidden = p.Hidden,
                    FormField = true,
                    CreatedAt = now,
                    UpdatedAt = now,
                });
            }
        }

        /// <summary>
        /// Turns a written value into the stored string. Empty (or null) clears the property. Returns false with a
        /// problem (HubSpot error codes such as INVALID_INTEGER, INVALID_DATE, INVALID_OPTION, INVALID_EMAIL).
        /// </summary>
        internal bool TryNormalize(HubSpotProperty property, JsonNode raw, out string value, out PropertyProblem problem)
        {
            problem = null;
            value = HubSpotJson.Scalar(raw);
            if (string.IsNullOrEmpty(value))
            {
                value = string.Empty;
                return true;
            }

            string name = property.Name;
            if (name == "email" && !IsValidEmail(value.Trim()))
            {
                return Fail(name, "INVALID_EMAIL", "Email address " + value + " is invalid", out problem);
            }

            if (name == "email")
            {
                // HubSpot stores primary emails in lower case.
                value = value.Trim().ToLowerInvariant();
            }

            switch (property.Type)
            {
                case "number":
                    if (!decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal number))
                    {
                        return Fail(name, "INVALID_INTEGER", value + " was not a valid number.", out problem);
                    }

                    // Trailing zeros go, as HubSpot echoes "3" for 3.0.
                    value = (number / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);
                    return true;

                case "bool":
                    if (!string.Equals(value, "true", StringComparison.OrdinalIgnoreCase) && !string.Equals(value, "false", StringComparison.OrdinalIgnoreCase))
                    {
                        return Fail(name, "INVALID_BOOLEAN", value + " was not a valid boolean. Use true or false.", out problem);
                    }

                    value = value.ToLowerInvariant();
                    return true;

                case "date":
                    return NormalizeDate(name, value, out value, out problem);

                case "datetime":
                    if (!HubSpotJson.TryParseInstant(value, out DateTimeOffset instant))
                    {
                        return Fail(name, "INVALID_DATE", value + " was not a valid date-time (ms since epoch or ISO 8601).", out problem);
                    }

                    value = HubSpotJson.Iso(instant);
                    return true;

                case "enumeration":
                    string[] parts = value.Split(';');
                    if (property.FieldType != "checkbox" && parts.Length > 1)
                    {
                        return Fail(name, "INVALID_OPTION", value + " is not a single option of " + name + ".", out problem);
                    }

                    foreach (string part in parts)
                    {
                        if (!property.Options.Any(o => string.Equals(o.Value, part, StringComparison.Ordinal)))
                        {
                            return Fail(name, "INVALID_OPTION", part + " was not one of the allowed options: " + string.Join(", ", property.Options.Select(o => o.Value)), out problem);
                        }
                    }

                    return true;

                default:
                    // Unconfirmed wording and code; the 65,536-character cap itself is HubSpot's documented value limit.
                    if (value.Length > MaxValueLength)
                    {
                        return Fail(name, "MAX_CHARACTERS", "Property value for " + name + " is " + value.Length.ToString(CultureInfo.InvariantCulture)
                            + " characters long; the limit is " + MaxValueLength.ToString(CultureInfo.InvariantCulture) + ".", out problem);
                    }

                    return true;
            }
        }

        // Date properties hold midnight UTC. The twin answers them as ms-epoch strings (FACTS §2.4 example "1572480000000").
        private static bool NormalizeDate(string name, string text, out string value, out PropertyProblem problem)
        {
            value = null;
            problem = null;
            DateTimeOffset instant;
            if (DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out DateTime day))
            {
                instant = new DateTimeOffset(day, TimeSpan.Zero);
            }
            else if (!HubSpotJson.TryParseInstant(text, out instant))
            {
                return Fail(name, "INVALID_DATE", text + " was not a valid date.", out problem);
            }

            if (instant.UtcDateTime.TimeOfDay != TimeSpan.Zero)
            {
                return Fail(name, "INVALID_DATE", text + " is not at midnight UTC, which date properties require.", out problem);
            }

            value = HubSpotJson.Millis(instant).ToString(CultureInfo.InvariantCulture);
            return true;
        }

        private static bool Fail(string name, string code, string message, out PropertyProblem problem)
        {
            problem = new PropertyProblem(name, code, message);
            return false;
        }

        private HubSpotProperty BuiltIn(DateTimeOffset now, string name, string label, string type, string fieldType, bool readOnly = false, bool unique = false)
        {
            var p = new HubSpotProperty
            {
                Name = name,
                Label = label,
                Type = type,
                FieldType = fieldType,
                GroupName = DefaultGroup,
                HubSpotDefined = true,
                ReadOnlyValue = readOnly,
                HasUniqueValue = unique,
                FormField = !readOnly,
                CreatedAt = now,
                UpdatedAt = now,
            };
            Add(p);
            return p;
        }
    }
}
