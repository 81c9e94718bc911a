# The read side against the in-process sandbox (demo scenario): binding, pipelines, views, errors, paging, Ctrl+C.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-ModuleManifestPath) -Force
    Connect-ZoomHub -Sandbox -Scenario demo
    $webinarId = 81234567890
}

AfterAll { Disconnect-ZoomHub -ErrorAction SilentlyContinue }

Describe 'Zoom reads' {
    It 'gets a webinar from an id typed with spaces or dashes' {
        (Get-ZoomWebinar -WebinarId '812 3456 7890').Id | Should -Be $webinarId
        (Get-ZoomWebinar -WebinarId '812-3456-7890').Topic | Should -Be 'Quarterly product update'
    }

    It 'pipes a host''s webinars into the registrant listing' {
        $registrants = Get-ZoomWebinar -HostEmail maya.chen@northwind.example.com | Get-ZoomWebinarRegistrant -Status All
        $registrants.Count | Should -BeGreaterThan 5
        ($registrants.WebinarId | Sort-Object -Unique).Count | Should -BeGreaterThan 1
    }

    It 'pipes users into Get-ZoomWebinar' {
        $w = Get-ZoomUser -UserId maya.chen@northwind.example.com | Get-ZoomWebinar
        $w.Id | Should -Contain $webinarId
    }

    It 'lists past instances and pipes them into attendance (UUIDs that need double encoding)' {
        $instances = Get-ZoomWebinarInstance -WebinarId $webinarId
        $instances.Count | Should -Be 2
        $instances[0].Uuid | Should -Be '/ajXp112QmuoKj4854875=='
        $attendance = $instances | Get-ZoomWebinarAttendance -WarningAction SilentlyContinue
        $attendance | Should -Not -BeNullOrEmpty
        $attendance | ForEach-Object { $_.Percent | Should -BeLessOrEqual 100 }
        ($attendance | Group-Object { "$($_.InstanceUuid)|$($_.Email)" } | Where-Object Count -gt 1) | Should -BeNullOrEmpty
    }

    It 'merges a person''s sessions and resolves registered guests by registrant id' {
        $instance = Get-ZoomWebinarInstance -WebinarId $webinarId | Select-Object -First 1
        $rows = $instance | Get-ZoomWebinarParticipant
        $people = $instance | Get-ZoomWebinarAttendance -WarningAction SilentlyContinue
        $rows.Count | Should -BeGreaterThan $people.Count
        ($people | Where-Object EmailFromRegistrant) | Should -Not -BeNullOrEmpty
    }

    It 'lists the registration form including email and first_name' {
        $q = Get-ZoomWebinarRegistrationQuestion -WebinarId 83456789012
        $q.Name | Should -Contain 'email'
        $q.Name | Should -Contain 'first_name'
    }

    It 'stops after -First without reading further pages' {
        @(Get-ZoomWebinarRegistrant -WebinarId $webinarId -Status All -First 2).Count | Should -Be 2
    }

    It 'writes ZoomWebinarNotFound for a missing webinar and goes on with the next id' {
        $out = Get-ZoomWebinar -WebinarId 99999999999, $webinarId -ErrorVariable err -ErrorAction SilentlyContinue
        $out.Id | Should -Be $webinarId
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -BeExactly 'ZoomWebinarNotFound,ZoomHubPS.Commands.GetZoomWebinarCommand'
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $err[0].TargetObject | Should -Be '99999999999'
        $err[0].ErrorDetails.Message | Should -Match '99999999999'
    }

    It 'stops on -ErrorAction Stop' {
        { Get-ZoomWebinar -WebinarId 99999999999, $webinarId -ErrorAction Stop } | Should -Throw
    }

    It 'rejects a malformed id without a request' {
        Get-ZoomWebinarRegistrant -WebinarId 'not-an-id' -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'ZoomHubInvalidWebinarId,*'
        "$($err[0])" | Should -Match 'not-an-id'
    }

    It 'prints one verbose line per request and no token' {
        $verbose = Get-ZoomWebinar -WebinarId $webinarId -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        $verbose.Message | Should -Match 'GET /webinars/81234567890'
        ($verbose.Message -join "`n") | Should -Not -Match 'Bearer|eyJ'
    }

    It 'renders default table views' {
        (Get-ZoomWebinar -WebinarId $webinarId | Format-Table | Out-String) | Should -Match 'Topic'
        (Get-ZoomWebinarRegistrant -WebinarId $webinarId -First 1 | Format-Table | Out-String) | Should -Match 'Email'
        (Get-ZoomWebinarInstance -WebinarId $webinarId | Format-Table | Out-String) | Should -Match 'Uuid'
    }
}

Describe 'HubSpot reads' {
    It 'reads contacts piped from CSV rows' {
        $csv = @'
Email,Name
ana.ruiz@contoso.example.org,Ana
li.wei@fabrikam.example.com,Li
'@ | ConvertFrom-Csv
        $contacts = $csv | Get-HubSpotContact
        $contacts.Email | Should -Be @('ana.ruiz@contoso.example.org', 'li.wei@fabrikam.example.com')
        $contacts[0].PSObject.TypeNames[0] | Should -Be 'ZoomHubPS.HubSpotContact'
    }

    It 'returns the contact with its Email when -Property leaves email out, and reports nothing missing' {
        $c = Get-HubSpotContact -Email ana.ruiz@contoso.example.org -Property lastname -ErrorVariable err -ErrorAction SilentlyContinue
        $err | Should -BeNullOrEmpty
        $c.Email | Should -Be 'ana.ruiz@contoso.example.org'
        $c.lastname | Should -Be 'Ruiz'
    }

    It 'reports an email of one non-breaking space as an error, not silence' {
        $out = Get-HubSpotContact -Email ([string][char]0x00A0) -ErrorVariable err -ErrorAction SilentlyContinue
        $out | Should -BeNullOrEmpty
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -BeExactly 'ZoomHubInvalidInput,ZoomHubPS.Commands.GetHubSpotContactCommand'
        "$err" | Should -Match 'U\+00A0 NO-BREAK SPACE'
    }

    It 'reports an unknown email as HubSpotContactNotFound' {
        Get-HubSpotContact -Email nobody@nowhere.example -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -BeLike 'HubSpotContactNotFound,*'
    }

    It 'finds a contact by a secondary email' {
        (Get-HubSpotContact -Email m.garcia@personal.example.org -IncludeSecondaryEmail).Email | Should -Be 'maria.garcia@tailspin.example.net'
    }

    It 'filters with the documented syntax and returns typed values' {
        $c = Get-HubSpotContact -Filter @{ email = @{ contains = 'contoso.example.org' } } -Property email, createdate
        $c.Count | Should -BeGreaterThan 1
        $c[0].createdate | Should -BeOfType [datetimeoffset]
    }

    It 'rejects an unknown filter operator naming it' {
        { Get-HubSpotContact -Filter @{ email = @{ like = 'x' } } -ErrorAction Stop } | Should -Throw "*'like'*"
    }
}

Describe 'Webinar listings' {
    It 'fills HostEmail from the host listing, so Where-Object HostEmail finds webinars' {
        $all = @(Get-ZoomWebinar -All)
        $all | Should -Not -BeNullOrEmpty
        $all | ForEach-Object { $_.HostEmail | Should -Not -BeNullOrEmpty }
        @($all | Where-Object HostEmail -eq 'maya.chen@northwind.example.com').Count | Should -BeGreaterThan 0
        @(Get-ZoomWebinar -HostId maya.chen@northwind.example.com) | ForEach-Object { $_.HostEmail | Should -Be 'maya.chen@northwind.example.com' }
        $userId = (Get-ZoomUser -UserId maya.chen@northwind.example.com).Id
        (Get-ZoomWebinar -HostId $userId | Select-Object -First 1).HostEmail | Should -Be 'maya.chen@northwind.example.com'
    }

    It 'lists what the list endpoint lacks only with -Detailed (one read per webinar)' {
        (Get-ZoomWebinar -All | Where-Object Id -eq 86789012345).Settings | Should -BeNullOrEmpty
        $detailed = Get-ZoomWebinar -All -Detailed | Where-Object Id -eq 86789012345
        $detailed.Settings.ApprovalType | Should -Be 1
        $detailed.RegistrationUrl | Should -Not -BeNullOrEmpty
        @(Get-ZoomWebinar -All -Detailed -First 2).Count | Should -Be 2
    }

    It 'binds WebinarId by property name from CSV rows, as Get-ZoomWebinarInstance does' {
        $csv = "WebinarId,Note`n81234567890,a`n834-5678-9012,b" | ConvertFrom-Csv
        ($csv | Get-ZoomWebinar).Topic | Should -Be @('Quarterly product update', 'Security deep dive')
        @($csv | Select-Object -First 1 | Get-ZoomWebinarInstance).Count | Should -Be 2
    }
}

Describe 'Ctrl+C' {
    It 'stops a long listing promptly' {
        # Every request waits 2 s: the listing is slow, and Stop() comes while a request is waiting. A hashtable, because a
        # type literal of the module's own types does not resolve in a session (the test used to swallow that failure).
        $sandbox = Start-ZoomHubSandbox -Port 0 -NoLimits -Fault @{ latencyMs = 2000 }
        $sandbox.Sandbox.Faults.Options.Rules[0].FixedLatency | Should -Be ([timespan]::FromSeconds(2))
        $ps = [powershell]::Create()
        $null = $ps.AddScript({
            param($manifest, $p)
            Import-Module $manifest
            Connect-ZoomHub @p
            # A slow listing: one request per host, every user's webinars, repeated.
            1..200 | ForEach-Object { Get-ZoomWebinar -All }
        }).AddArgument((Get-ModuleManifestPath)).AddArgument($sandbox.ConnectParameters)
        $handle = $ps.BeginInvoke()
        Start-Sleep -Milliseconds 1500
        $watch = [System.Diagnostics.Stopwatch]::StartNew()
        $ps.Stop()
        $watch.Stop()
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 2
        $ps.Dispose()
        $sandbox | Stop-ZoomHubSandbox
    }
}

Describe 'Transcripts' {
    BeforeAll {
        $onboarding = 82345678901
        $sessions = Get-ZoomWebinarInstance -WebinarId $onboarding
    }

    It 'streams the cues of a piped recording: speakers, unicode, a wrapped cue, a cue without a speaker' {
        $cues = Get-ZoomWebinarRecording -WebinarId $onboarding -InstanceUuid $sessions[-1].Uuid | Get-ZoomWebinarTranscript
        $cues.Count | Should -Be 7
        $cues[0].PSObject.TypeNames[0] | Should -Be 'ZoomHubPS.Core.Recordings.TranscriptCue'
        $cues[2].Speaker | Should -Be 'Diego Álvarez'
        $cues[2].Text | Should -Match '^¿Se puede .* Sorry, in English: can we import a CSV with accents\?$'
        $cues[4].Speaker | Should -BeNullOrEmpty
        $cues[4].Text | Should -Be '[crosstalk]'
        $cues[5].Text | Should -Match '谢谢'
        $cues[2].Start | Should -Be ([timespan]'00:05:10')
    }

    It 'fits the cue table into 80 columns' {
        $table = Get-ZoomWebinarTranscript -WebinarId $onboarding -InstanceUuid $sessions[-1].Uuid | Format-Table | Out-String -Width 80
        $table | Should -Match 'Start\s+End\s+Speaker\s+Text'
        ($table -split "`n" | Where-Object { $_.TrimEnd().Length -gt 80 }) | Should -BeNullOrEmpty
    }

    It 'writes the WebVTT file with -AsText' {
        $text = Get-ZoomWebinarTranscript -WebinarId $onboarding -InstanceUuid $sessions[-1].Uuid -AsText
        $text | Should -BeOfType [string]
        $text | Should -Match '^WEBVTT'
    }

    It 'gives one clear error per instance without a transcript, not one per cue' {
        $cues = $sessions | Get-ZoomWebinarTranscript -ErrorVariable err -ErrorAction SilentlyContinue
        $cues.Count | Should -Be 7
        ($err.FullyQualifiedErrorId | Sort-Object) | Should -Be @(
            'ZoomRecordingNotFound,ZoomHubPS.Commands.GetZoomWebinarTranscriptCommand'
            'ZoomTranscriptNotAvailable,ZoomHubPS.Commands.GetZoomWebinarTranscriptCommand')
        ($err | Where-Object { $_.FullyQualifiedErrorId -like 'ZoomTranscriptNotAvailable,*' }).ErrorDetails.Message | Should -Match 'try again later'
    }

    It 'reports Zoom''s HTML refusal page as ZoomRecordingDownloadRefused' {
        Get-ZoomWebinarTranscript -WebinarId 85678901234 -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -BeExactly 'ZoomRecordingDownloadRefused,ZoomHubPS.Commands.GetZoomWebinarTranscriptCommand'
        $err[0].CategoryInfo.Category | Should -Be 'PermissionDenied'
    }
}

Describe 'HubSpot lists' {
    It 'streams a list''s members with -ListId' {
        $members = Get-HubSpotContact -ListId 42
        ($members.Email | Sort-Object) | Should -Be @('emma.jones@fabrikam.example.com', 'lucas.martin@contoso.example.org', 'noah.patel@contoso.example.org')
        $members[0].PSObject.TypeNames[0] | Should -Be 'ZoomHubPS.HubSpotContact'
    }

    It 'finds a list by name without case, including a dynamic one' {
        $contoso = Get-HubSpotContact -ListName 'CONTOSO CONTACTS' -Property email
        $contoso | Should -Not -BeNullOrEmpty
        $contoso.Email | ForEach-Object { $_ | Should -BeLike '*@contoso.example.org' }
    }

    It 'honours -First' {
        @(Get-HubSpotContact -ListId 42 -First 2).Count | Should -Be 2
    }

    It 'writes HubSpotListNotFound for a list that does not exist' {
        Get-HubSpotContact -ListId 999999 -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -BeExactly 'HubSpotListNotFound,ZoomHubPS.Commands.GetHubSpotContactCommand'
    }
}

