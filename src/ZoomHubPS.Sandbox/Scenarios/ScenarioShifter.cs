using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Linq.Expressions;
using System.Reflection;
using System.Text.RegularExpressions;
using ZoomHubPS.Sandbox.HubSpot;

namespace ZoomHubPS.Sandbox.Scenarios
{
    /// <summary>
    /// Marks a text field of the scenario model that holds an instant as epoch milliseconds (a Zoom occurrence id is its
    /// start as epoch ms), so anchoring moves it with the dates and references keep pointing at their occurrence.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property)]
    internal sealed class EpochMillisecondsAttribute : Attribute
    {
    }

    /// <summary>
    /// Copies a scenario with every date moved by whole days. It walks the model by reflection, so a date field added to
    /// the model later moves without a change here: every <see cref="DateTimeOffset"/>; every text marked
    /// <see cref="EpochMillisecondsAttribute"/>; and in property-value maps (HubSpot contact properties) ISO date-times
    /// of any property and epoch-ms or <c>yyyy-MM-dd</c> values of date properties.
    /// </summary>
    internal static class ScenarioShifter
    {
        private const long DayMilliseconds = 86_400_000L;

        // Epoch ms from 1973 on (12+ digits): smaller numbers are counters or ids, not instants.
        private static readonly Regex EpochPattern = new Regex(@"^\d{12,}$", RegexOptions.CultureInvariant);
        private static readonly Regex IsoDatePattern = new Regex(@"^(\d{4}-\d{2}-\d{2})(T.*)?$", RegexOptions.CultureInvariant);
        private static readonly ConcurrentDictionary<Type, Action<object, object, Context>> Copiers = new ConcurrentDictionary<Type, Action<object, object, Context>>();
        private static readonly MethodInfo CopyMethod = typeof(ScenarioShifter).GetMethod(nameof(Copy), BindingFlags.NonPublic | BindingFlags.Static);

        internal static Scenario Shift(Scenario scenario, int days)
            => (Scenario)Copy(scenario, null, new Context(days, DateProperties(scenario)));

        private static object Copy(object value, PropertyInfo owner, Context context)
        {
            switch (value)
            {
                case null: return null;
                case DateTimeOffset instant: return instant.AddDays(context.Days);
                case DateTime time: return time.AddDays(context.Days);
                case string text: return owner != null && owner.IsDefined(typeof(EpochMillisecondsAttribute)) ? ShiftEpoch(text, context.Days) : text;
                case Dictionary<string, string> values: return ShiftPropertyValues(values, context);
                case IDictionary map: return CopyMap(map, owner, context);
                case IList list: return CopyList(list, owner, context);
            }

            Type type = value.GetType();
            if (!type.IsClass) return value; // numbers, flags, enums, time spans
            object copy = Activator.CreateInstance(type);
            Copiers.GetOrAdd(type, BuildCopier)(value, copy, context);
            return copy;
        }

        /// <summary>
        /// A compiled property-by-property copy of one model type (reflection per value took ~0.7 s for a generated
        /// 50,000-registrant scenario; compiled, a small fraction of that). Plain values are assigned; dates, marked
        /// texts, lists, maps and nested objects go through <see cref="Copy"/>.
        /// </summary>
        private static Action<object, object, Context> BuildCopier(Type type)
        {
            ParameterExpression source = Expression.Parameter(typeof(object), "source");
            ParameterExpression target = Expression.Parameter(typeof(object), "target");
            ParameterExpression context = Expression.Parameter(typeof(Context), "context");
            ParameterExpression from = Expression.Variable(type, "from");
            ParameterExpression to = Expression.Variable(type, "to");
            var body = new List<Expression> { Expression.Assign(from, Expression.Convert(source, type)), Expression.Assign(to, Expression.Convert(target, type)) };
            foreach (PropertyInfo property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanRead && p.CanWrite && p.GetIndexParameters().Length == 0))
            {
                Expression value = Expression.Property(from, property);
                if (NeedsCopy(property))
                {
                    value = Expression.Convert(Expression.Call(CopyMethod, Expression.Convert(value, typeof(object)), Expression.Constant(property, typeof(PropertyInfo)), context), property.PropertyType);
                }

                body.Add(Expression.Assign(Expression.Property(to, property), value));
            }

            return Expression.Lambda<Action<object, object, Context>>(Expression.Block(new[] { from, to }, body), source, target, context).Compile();
        }

        private static bool NeedsCopy(PropertyInfo property)
        {
            Type type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (type == typeof(DateTimeOffset) || type == typeof(DateTime)) return true;
            if (type == typeof(string)) return property.IsDefined(typeof(EpochMillisecondsAttribute));
            return !type.IsValueType;
        }

        private static IList CopyList(IList list, PropertyInfo owner, Context context)
        {
            if (list is Array array)
            {
                Array copied = Array.CreateInstance(array.GetType().GetElementType(), array.Length);
                for (int i = 0; i < array.Length; i++) copied.SetValue(Copy(array.GetValue(i), owner, context), i);
                return copied;
            }

            var copy = (IList)Activator.CreateInstance(list.GetType());
            foreach (object item in list)
            {
                copy.Add(Copy(item, owner, context));
            }

            return copy;
        }

        private static IDictionary CopyMap(IDictionary map, PropertyInfo owner, Context context)
        {
            var copy = (IDictionary)Activator.CreateInstance(map.GetType());
            foreach (DictionaryEntry entry in map)
            {
                copy[entry.Key] = Copy(entry.Value, owner, context);
            }

            return copy;
        }

        private static Dictionary<string, string> ShiftPropertyValues(Dictionary<string, string> values, Context context)
        {
            var copy = new Dictionary<string, string>(values.Comparer);
            foreach (KeyValuePair<string, string> pair in values)
            {
                copy[pair.Key] = ShiftPropertyValue(pair.Key, pair.Value, context);
            }

            return copy;
        }

        private static string ShiftPropertyValue(string name, string value, Context context)
        {
            if (string.IsNullOrEmpty(value)) return value;
            Match iso = IsoDatePattern.Match(value);
            bool dateProperty = context.DateProperties.Contains(name);
            if (iso.Success && (iso.Groups[2].Success || dateProperty)) return ShiftIsoDate(iso, context.Days);
            return dateProperty ? ShiftEpoch(value, context.Days) : value;
        }

        /// <summary>Moves the calendar date of an ISO text and keeps the rest (time, fraction, offset) exactly as written.</summary>
        private static string ShiftIsoDate(Match iso, int days)
        {
            if (!DateTime.TryParseExact(iso.Groups[1].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime date)) return iso.Value;
            return date.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + iso.Groups[2].Value;
        }

        private static string ShiftEpoch(string text, int days)
            => !string.IsNullOrEmpty(text) && EpochPattern.IsMatch(text) && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long ms)
                ? (ms + days * DayMilliseconds).ToString(CultureInfo.InvariantCulture)
                : text;

        /// <summary>HubSpot's built-in date properties (createdate, …) and the scenario's own date or datetime properties.</summary>
        private static HashSet<string> DateProperties(Scenario scenario)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (HubSpotProperty p in new PropertyCatalog(new DateTimeOffset(1970, 1, 1, 0, 0, 0, TimeSpan.Zero)).All)
            {
                if (IsDateType(p.Type)) names.Add(p.Name);
            }

            foreach (HubSpotPropertySeed p in scenario.HubSpot?.Properties ?? new List<HubSpotPropertySeed>())
            {
                if (p?.Name != null && IsDateType(p.Type)) names.Add(p.Name);
            }

            return names;
        }

        private static bool IsDateType(string type) => type == "date" || type == "datetime";

        private sealed class Context
        {
            internal Context(int days, HashSet<string> dateProperties)
            {
                Days = days;
                DateProperties = dateProperties;
            }

            internal int Days { get; }

            internal HashSet<string> DateProperties { get; }
        }
    }
}
