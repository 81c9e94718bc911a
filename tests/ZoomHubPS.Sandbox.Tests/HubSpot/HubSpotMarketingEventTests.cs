using System;
using System.Linq;
using System.Threading.Tasks;
using Xunit;
using static ZoomHubPS.Sandbox.Tests.HubSpot.HubSpotTestClient;

namespace ZoomHubPS.Sandbox.Tests.HubSpot
{
    public class HubSpotMarketingEventTests
    {
        private const string B = "/marketing/v3/marketing-events";
        private const string Event = "{'eventName':'Quarterly update','eventOrganizer':'Northwind','eventType':'WEBINAR','externalAccountId':'acct1','externalEventId':'85512345678-20250610T1600Z','startDateTime':'2025-06-10T16:00:00Z','endDateTime':'2025-06-10T17:00:00Z','eventUrl':'https://zoom.example/w/1','customProperties':[]}";
        private const string Ext = "85512345678-20250610T1600Z";

        private static async Task<string> CreateEvent(HubSpotTestClient t)
        {
            var (status, body, _) = await t.Post(B + "/events", J(Event));
            Assert.Equal(200, status);
            return body["objectId"].GetValue<string>();
        }

        [Fact]
        public async Task Create_ThenReadByExternalIds()
        {
            using var t = Demo();
            string objectId = await CreateEvent(t);
            var (status, body, _) = await t.Get(B + "/events/" + Ext + "?externalAccountId=acct1");

            Assert.Equal(200, status);
            Assert.Equal(objectId, body["objectId"].GetValue<string>());
            Assert.Equal("Quarterly update", body["eventName"].GetValue<string>());
            Assert.Equal("WEBINAR", body["eventType"].GetValue<string>());
            Assert.Equal("2025-06-10T16:00:00.000Z", body["startDateTime"].GetValue<string>());
            Assert.Equal(0, body["registrants"].GetValue<int>());
            Assert.Equal(Ext, body["externalEventId"].GetValue<string>());
        }

        [Fact]
        public async Task Create_MissingRequiredFields_Is400()
        {
            using var t = Demo();
            var (status, body, _) = await t.Post(B + "/events", J("{'eventName':'x','externalAccountId':'a','externalEventId':'e','customProperties':[]}"));
            Assert.Equal(400, status);
            Assert.Contains("eventOrganizer", body["message"].GetValue<string>());
        }

        [Fact]
        public async Task SameAppRule_OtherAppGets404ByExternalIds_ButObjectIdWorks()
        {
            using var t = Demo();
            string objectId = await CreateEvent(t);
            t.Twin.AddApp("pat-na1-other-app", 999, "Other");
            using var other = t.ClientWithToken("pat-na1-other-app");

            Assert.Equal(404, (await t.Get(B + "/events/" + Ext + "?externalAccountId=acct1", other)).Status);
            Assert.Equal(404, (await t.Post(B + "/attendance/" + Ext + "/register/email-create?externalAccountId=acct1", J("{'inputs':[{'email':'a@b.example','interactionDateTime':1}]}"), other)).Status);
            Assert.Empty((await t.Get(B + "/events/search?q=" + Ext, other)).Body["results"].AsArray());
            var (status, body, _) = await t.Get(B + "/" + objectId, other);
            Assert.Equal(200, status);
            Assert.Equal(Ext, body["externalEventId"].GetValue<string>());
            Assert.Equal("1234567", body["appInfo"]["id"].GetValue<string>());
            Assert.Single((await t.Get(B + "/" + Ext + "/identifiers", other)).Body["results"].AsArray());
        }

        [Fact]
        public async Task Upsert_CreatesThenUpdates()
        {
            using var t = Demo();
            var (first, body, _) = await t.Post(B + "/events/upsert", "{\"inputs\":[" + J(Event) + "]}");
            var (second, updated, _) = await t.Post(B + "/events/upsert", "{\"inputs\":[" + J(Event).Replace("Quarterly update", "Renamed") + "]}");

            Assert.Equal(200, first);
            Assert.Equal(200, second);
            Assert.Equal(body["results"][0]["objectId"].GetValue<string>(), updated["results"][0]["objectId"].GetValue<string>());
            Assert.Equal("Renamed", Assert.Single(t.Twin.MarketingEvents).EventName);
        }

        [Fact]
        public async Task EmailCreate_CreatesMissingContacts_ContactPropertiesOnlyForNewOnes()
        {
            using var t = Demo();
            await CreateEvent(t);
            var (status, body, _) = await t.Post(B + "/attendance/" + Ext + "/register/email-create?externalAccountId=acct1", J("{'inputs':["
                + "{'email':'ana.ruiz@contoso.example.org','interactionDateTime':1749500000000,'properties':{},'contactProperties':{'firstname':'Changed'}},"
                + "{'email':'Newbie@Example.com','interactionDateTime':1749500000000,'properties':{},'contactProperties':{'firstname':'Newbie'}}]}"));

            Assert.Equal(200, status);
            Assert.Equal(101, body["results"][0]["vid"].GetValue<long>());
            Assert.Equal("newbie@example.com", body["results"][1]["email"].GetValue<string>());
            Assert.Equal("Ana María", t.Twin.Contact(101).Get("firstname"));
            Assert.Equal("Newbie", t.Twin.ContactByEmail("newbie@example.com").Get("firstname"));
        }

        [Fact]
        public async Task Attend_AllowsOnlyJoinedAtAndLeftAt()
        {
            using var t = Demo();
            await CreateEvent(t);
            var (status, body, _) = await t.Post(B + "/attendance/" + Ext + "/attend/create?externalAccountId=acct1", J("{'inputs':["
                + "{'vid':101,'interactionDateTime':1749571272000,'properties':{'joinedAt':'1749571272000','leftAt':'1749574800000'}},"
                + "{'vid':102,'interactionDateTime':1749571272000,'properties':{'duration':'5'}},"
                + "{'vid':424242,'interactionDateTime':1749571272000,'properties':{}}]}"));

            Assert.Equal(207, status);
            Assert.Equal(2, body["numErrors"].GetValue<int>());
            Assert.Equal(101, Assert.Single(body["results"].AsArray())["vid"].GetValue<long>());
            Assert.Equal(400, (await t.Post(B + "/attendance/" + Ext + "/registered/create?externalAccountId=acct1", J("{'inputs':[]}"))).Status);
        }

        [Fact]
        public async Task SameParticipationTwice_IsRecordedOnce_AndCountersAndBreakdownsAgree()
        {
            using var t = Demo();
            await CreateEvent(t);
            string register = J("{'inputs':[{'vid':101,'interactionDateTime':1749500000000,'properties':{}},{'vid':102,'interactionDateTime':1749500000000,'properties':{}},{'vid':103,'interactionDateTime':1749500000000,'properties':{}}]}");
            string attend = J("{'inputs':[{'vid':101,'interactionDateTime':1749571272000,'properties':{'joinedAt':'2025-06-10T16:01:12Z','leftAt':'2025-06-10T16:31:12Z'}}]}");
            string cancel = J("{'inputs':[{'vid':103,'interactionDateTime':1749510000000,'properties':{}}]}");
            for (int run = 0; run < 2; run++)
            {
                await t.Post(B + "/attendance/" + Ext + "/register/create?externalAccountId=acct1", register);
                await t.Post(B + "/attendance/" + Ext + "/attend/create?externalAccountId=acct1", attend);
                await t.Post(B + "/attendance/" + Ext + "/cancel/create?externalAccountId=acct1", cancel);
            }

            var ev = Assert.Single(t.Twin.MarketingEvents);
            Assert.Equal(5, ev.Participations.Count);
            Assert.All(ev.Participations, p => Assert.Equal(2, p.TimesRecorded));

            t.Host.Clock.Advance(TimeSpan.FromDays(365));
            var (_, counters, _) = await t.Get(B + "/participations/acct1/" + Ext);
            Assert.Equal(3, counters["registered"].GetValue<int>());
            Assert.Equal(1, counters["attended"].GetValue<int>());
            Assert.Equal(1, counters["cancelled"].GetValue<int>());
            Assert.Equal(1, counters["noShows"].GetValue<int>());

            var (_, breakdown, _) = await t.Get(B + "/participations/acct1/" + Ext + "/breakdown?contactIdentifier=ana.ruiz@contoso.example.org&limit=100");
            Assert.Equal(2, breakdown["total"].GetValue<int>());
            var attended = breakdown["results"].AsArray().Single(r => r["properties"]["attendanceState"].GetValue<string>() == "ATTENDED");
            Assert.Equal(1749571272000, attended["properties"]["occurredAt"].GetValue<long>());
            Assert.Equal(1800, attended["properties"]["attendanceDurationSeconds"].GetValue<int>());
            Assert.Equal("50", attended["properties"]["attendancePercentage"].GetValue<string>());
            Assert.Equal("101", attended["associations"]["contact"]["contactId"].GetValue<string>());
            Assert.Equal(Ext, attended["associations"]["marketingEvent"]["externalEventId"].GetValue<string>());

            var (_, byContact, _) = await t.Get(B + "/participations/contacts/101/breakdown?state=ATTENDED");
            Assert.Equal(1, byContact["total"].GetValue<int>());
            var (_, byObject, _) = await t.Get(B + "/participations/" + ev.ObjectId);
            Assert.Equal(3, byObject["registered"].GetValue<int>());
        }

        [Fact]
        public async Task Complete_NeedsStartAndEnd_ThenMarksCompleted()
        {
            using var t = Demo();
            await CreateEvent(t);
            var (bad, _, _) = await t.Post(B + "/events/" + Ext + "/complete?externalAccountId=acct1", J("{'startDateTime':'2025-06-10T16:00:00Z'}"));
            var (ok, body, _) = await t.Post(B + "/events/" + Ext + "/complete?externalAccountId=acct1", J("{'startDateTime':'2025-06-10T16:00:00Z','endDateTime':'2025-06-10T17:05:00Z'}"));
            var (cancel, cancelled, _) = await t.Post(B + "/events/" + Ext + "/cancel?externalAccountId=acct1", "{}");

            Assert.Equal(400, bad);
            Assert.Equal(200, ok);
            Assert.True(body["eventCompleted"].GetValue<bool>());
            Assert.Equal("2025-06-10T17:05:00.000Z", body["endDateTime"].GetValue<string>());
            Assert.Equal(200, cancel);
            Assert.True(cancelled["eventCancelled"].GetValue<bool>());
        }

        [Fact]
        public async Task PatchAndDelete_ByExternalIdsAndObjectId()
        {
            using var t = Demo();
            string objectId = await CreateEvent(t);
            var (patch, patched, _) = await t.Patch(B + "/events/" + Ext + "?externalAccountId=acct1", J("{'eventDescription':'About things'}"));
            var (patch2, _, _) = await t.Patch(B + "/" + objectId, J("{'eventName':'New name'}"));
            var (delete, _, _) = await t.Delete(B + "/" + objectId);
            var (gone, _, _) = await t.Get(B + "/events/" + Ext + "?externalAccountId=acct1");

            Assert.Equal(200, patch);
            Assert.Equal("About things", patched["eventDescription"].GetValue<string>());
            Assert.Equal(200, patch2);
            Assert.Equal(204, delete);
            Assert.Equal(404, gone);
        }
    }
}
