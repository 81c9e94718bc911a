# The main job through the built module, against a loopback sandbox so the test can read its request journal.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-ModuleManifestPath) -Force
    $sandbox = Start-ZoomHubSandbox -Port 0 -NoLimits
    $params = $sandbox.ConnectParameters
    Connect-ZoomHub @params
    $journal = $sandbox.Sandbox.Journal
    function Get-WriteCount {
        @($journal.Entries | Where-Object { $_.IsWrite -and $_.Status -ge 200 -and $_.Status -lt 300 }).Count
    }
}

AfterAll {
    Disconnect-ZoomHub -ErrorAction SilentlyContinue
    Stop-ZoomHubSandbox -ErrorAction SilentlyContinue
}

Describe 'Sync-ZoomWebinarToHubSpot' {
    It 'refuses to run before Initialize-ZoomHubSchema, with a stable error id' {
        { Sync-ZoomWebinarToHubSpot -WebinarId 81234567890 -ErrorAction Stop } | Should -Throw -ErrorId 'ZoomHubSchemaMissing,ZoomHubPS.Commands.SyncZoomWebinarToHubSpotCommand'
    }

    It 'Initialize-ZoomHubSchema -WhatIf creates nothing, then creates the properties once' {
        $journal.Clear()
        (Initialize-ZoomHubSchema -WhatIf).Status | Should -Not -Contain 'Created'
        Get-WriteCount | Should -Be 0
        (Initialize-ZoomHubSchema).Status | Should -Contain 'Created'
        (Initialize-ZoomHubSchema).Status | Sort-Object -Unique | Should -Be 'Existing'
    }

    It '-WhatIf writes nothing and reports the plan' {
        $journal.Clear()
        $plan = Get-ZoomWebinarInstance -WebinarId 81234567890 | Sync-ZoomWebinarToHubSpot -WhatIf
        Get-WriteCount | Should -Be 0
        $plan.Count | Should -Be 2
        $plan | ForEach-Object { $_.WhatIf | Should -BeTrue }
        ($plan | Measure-Object Created -Sum).Sum | Should -BeGreaterThan 0
    }

    It 'syncs instances from the pipeline and streams per-person records with -Detailed' {
        $out = Get-ZoomWebinarInstance -WebinarId 81234567890 | Select-Object -First 1 | Sync-ZoomWebinarToHubSpot -Detailed -InformationVariable info
        # Core types live in the module's private load context: match them by type name, not by type literal.
        # -Detailed: the person records are the output; the instance's result is on the information stream.
        $results = @($info.MessageData | Where-Object { $_.PSObject.TypeNames[0] -eq 'ZoomHubPS.Core.WebinarSync.SyncResult' })
        $people = $out | Where-Object { $_.PSObject.TypeNames[0] -eq 'ZoomHubPS.Core.WebinarSync.PersonSyncRecord' }
        @($out).Count | Should -Be @($people).Count
        $results.Count | Should -Be 1
        $r = $results[0]
        $people.Count | Should -Be ($r.Created + $r.Updated + $r.Unchanged + $r.Skipped + $r.Failed)
        ($people | Where-Object Reason -eq 'AccountUser') | Should -Not -BeNullOrEmpty
        ($results | Format-Table | Out-String) | Should -Match 'Created'
    }

    It 're-running writes nothing' {
        Get-ZoomWebinarInstance -WebinarId 81234567890 | Sync-ZoomWebinarToHubSpot | Out-Null
        $journal.Clear()
        $again = Get-ZoomWebinarInstance -WebinarId 81234567890 | Sync-ZoomWebinarToHubSpot
        Get-WriteCount | Should -Be 0
        ($again | Measure-Object Created -Sum).Sum + ($again | Measure-Object Updated -Sum).Sum | Should -Be 0
    }

    It 'makes the aggregates searchable as a segment' {
        $segment = Get-HubSpotContact -Filter @{ zoomhub_webinar_attendance_count = @{ gte = 1 } }
        $segment | Should -Not -BeNullOrEmpty
        $segment[0].zoomhub_webinar_attendance_count | Should -BeOfType [long]
    }

    It '-IncludeRecording puts the recording on the marketing event and on registrants who missed it, with one read per instance' {
        $journal.Clear()
        $results = Get-ZoomWebinarInstance -WebinarId 81234567890 | Sync-ZoomWebinarToHubSpot -IncludeRecording
        @($journal.Entries | Where-Object Route -eq '/v2/meetings/{meetingId}/recordings').Count | Should -Be 2
        $results.RecordingStatus | Should -Be @('Available', 'NoRecording')
        $recorded = $results[0]
        $event = $sandbox.Sandbox.HubSpot.MarketingEvents | Where-Object ExternalEventId -eq $recorded.MarketingEventId
        $event.CustomProperties['zoomhub_recording_url'] | Should -Be $recorded.RecordingShareUrl
        $event.CustomProperties['zoomhub_recording_duration_minutes'] | Should -Be "$($recorded.RecordingDurationMinutes)"
        $event.CustomProperties['zoomhub_transcript_url'] | Should -Match '/rec/download/'
        # Erik is registered for the webinar but missed the recorded instance (he came to the second): he gets its recording.
        $erik = Get-HubSpotContact -Email erik.karlsson@tailspin.example.net -Property email, zoomhub_last_webinar_recording_url, zoomhub_webinar_attendance_count
        $erik.zoomhub_last_webinar_recording_url | Should -Be $recorded.RecordingShareUrl
        $erik.zoomhub_last_webinar_recording_url | Should -Not -BeNullOrEmpty
    }

    It 'downloads a transcript through the loopback host (the HTTP client follows the redirect)' {
        $cues = Get-ZoomWebinarInstance -WebinarId 81234567890 | Select-Object -First 1 | Get-ZoomWebinarTranscript
        $cues | Should -Not -BeNullOrEmpty
        $cues[0].Text | Should -Not -BeNullOrEmpty
    }

    It 'reports a missing webinar as ZoomWebinarNotFound and goes on' {
        Sync-ZoomWebinarToHubSpot -WebinarId 99999999999 -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeExactly 'ZoomWebinarNotFound,ZoomHubPS.Commands.SyncZoomWebinarToHubSpotCommand'
    }
}
