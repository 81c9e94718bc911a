# The cmdlets under failure: no request after a cmdlet returns (an instance that fails with -ErrorAction Continue,
# Ctrl+C), sandboxes set up with hashtables (the module's own types cannot be named in a session), and bad scenarios.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-ModuleManifestPath) -Force

    function Get-ReadyZoomToken($sandbox) {
        # A token fetched by hand: Connect-ZoomHub -ZoomAccessToken cannot refresh it, so when the sandbox ends it, the
        # sync fails on the spot (not after a retry budget).
        $cred = $sandbox.ZoomClientCredential
        $basic = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes("$($cred.UserName):$($cred.GetNetworkCredential().Password)"))
        $answer = Invoke-RestMethod -Method Post -Uri "$($sandbox.ZoomOAuthUri)oauth/token" -Headers @{ Authorization = "Basic $basic" } `
            -Body @{ grant_type = 'account_credentials'; account_id = $sandbox.ZoomAccountId }
        ConvertTo-SecureString $answer.access_token -AsPlainText -Force
    }

    function Get-WriteCount($sandbox) { @($sandbox.Sandbox.Journal.Entries | Where-Object { $_.IsWrite -and $_.Status -ge 200 -and $_.Status -lt 300 }).Count }
}

AfterAll { Disconnect-ZoomHub -ErrorAction SilentlyContinue }

Describe 'Start-ZoomHubSandbox with hashtables' {
    It 'generates a scenario from -Generate and starts its clock at -Now' {
        $sandbox = Start-ZoomHubSandbox -Generate @{ Registrants = 120; attendshare = 0.5; Seed = 4 } -Now '2027-03-01T12:00:00Z' -NoLimits
        try {
            $sandbox.Scenario | Should -Be 'generated'
            $sandbox.Sandbox.Zoom.Registrants(89100000001).Count | Should -Be 120
            $sandbox.Sandbox.Clock.GetUtcNow().UtcDateTime.Date | Should -Be ([datetime]'2027-03-01')
            $json = $sandbox.ScenarioJson()
            $json | Should -Match '"registrants"'
            $file = Join-Path ([IO.Path]::GetTempPath()) "zoomhub-generated-$([guid]::NewGuid()).json"
            Set-Content -Path $file -Value $json
            try {
                Connect-ZoomHub -Sandbox -Scenario $file
                @(Get-ZoomWebinarRegistrant -WebinarId 89100000001 -Status All).Count | Should -Be 120
            }
            finally { Remove-Item $file -ErrorAction SilentlyContinue }
        }
        finally { $sandbox | Stop-ZoomHubSandbox }
    }

    It 'names an unknown -Generate option and lists the real ones' {
        $err = $null
        try { Start-ZoomHubSandbox -Generate @{ Registrant = 10 } -ErrorAction Stop } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -BeLike 'ZoomHubInvalidArgument,*'
        "$err" | Should -Match "no option 'Registrant'"
        "$err" | Should -Match 'Registrants'
    }

    It 'takes -Fault as a hashtable and reads it as strictly as the JSON' {
        $sandbox = Start-ZoomHubSandbox -NoLimits -Fault @{ rules = @(@{ route = 'GET /account-info/v3/details'; kind = 'serverError'; status = 503; times = 1 }) }
        try {
            $params = $sandbox.ConnectParameters
            Connect-ZoomHub @params
            @($sandbox.Sandbox.Journal.Entries | Where-Object { $_.Status -eq 503 }).Count | Should -Be 1
        }
        finally { Disconnect-ZoomHub; $sandbox | Stop-ZoomHubSandbox }
        $err = $null
        try { Start-ZoomHubSandbox -Fault @{ rules = @(@{ route = '*'; kind = 'serverError'; stauts = 500 }) } -ErrorAction Stop } catch { $err = $_ }
        "$err" | Should -Match 'stauts'
    }
}

Describe 'A malformed scenario file' {
    It 'gets its own error id and the loader''s message, naming the file and the line' {
        $file = Join-Path ([IO.Path]::GetTempPath()) "zoomhub-bad-$([guid]::NewGuid()).json"
        Set-Content -Path $file -Value "{`n  `"now`": `"2026-11-20T12:00:00Z`",`n  `"zoom`": { `"webinars`": 5 }`n}"
        try {
            $err = $null
            try { Connect-ZoomHub -Sandbox -Scenario $file -ErrorAction Stop } catch { $err = $_ }
            $err.FullyQualifiedErrorId | Should -BeExactly 'ZoomHubInvalidScenario,ZoomHubPS.Commands.ConnectZoomHubCommand'
            "$err" | Should -Match ([regex]::Escape($file))
            "$err" | Should -Match 'line 3'
            "$err" | Should -Match 'webinars'
            $err = $null
            try { Start-ZoomHubSandbox -Scenario $file -ErrorAction Stop } catch { $err = $_ }
            $err.FullyQualifiedErrorId | Should -BeExactly 'ZoomHubInvalidScenario,ZoomHubPS.Commands.StartZoomHubSandboxCommand'
        }
        finally { Remove-Item $file -ErrorAction SilentlyContinue }
    }
}

Describe 'No request after the cmdlet returns' {
    It 'an instance that fails mid-run with -ErrorAction Continue has stopped all its requests when the cmdlet returns' {
        $sandbox = Start-ZoomHubSandbox -Generate @{ Registrants = 1500; Seed = 3 } -NoLimits -Fault @{ latencyMs = 15; jitterMs = 10 }
        try {
            Connect-ZoomHub -ZoomAccessToken (Get-ReadyZoomToken $sandbox) -HubSpotToken $sandbox.HubSpotToken -ZoomApiUri $sandbox.ZoomApiUri -HubSpotUri $sandbox.HubSpotUri
            Initialize-ZoomHubSchema | Out-Null
            $sandbox.Sandbox.Journal.Clear()
            # The Zoom token dies before the last registrant page (6 setup reads, 4 report pages, 7 registrant pages): the
            # report is read and contact batches are being written when the sync fails.
            $null = $sandbox.Sandbox.Faults.Options.ExpireTokensAfter(16)
            $results = Sync-ZoomWebinarToHubSpot -WebinarId 89100000001 -ErrorAction Continue -ErrorVariable err
            $returned = $sandbox.Sandbox.Clock.GetUtcNow()
            $after = $sandbox.Sandbox.Journal.Total
            $results | Should -BeNullOrEmpty
            $err[0].FullyQualifiedErrorId | Should -BeLike 'ZoomAuthenticationFailed,*'
            Get-WriteCount $sandbox | Should -BeGreaterThan 0
            Start-Sleep -Milliseconds 1500
            $sandbox.Sandbox.Journal.Total | Should -Be $after
            @($sandbox.Sandbox.Journal.Entries | Where-Object { $_.At -gt $returned }).Count | Should -Be 0
        }
        finally { Disconnect-ZoomHub -ErrorAction SilentlyContinue; $sandbox | Stop-ZoomHubSandbox }
    }

    It 'Ctrl+C during a sync stops it promptly and nothing reaches the sandbox afterwards' {
        $sandbox = Start-ZoomHubSandbox -Generate @{ Registrants = 1500; Seed = 5 } -NoLimits -Fault @{ latencyMs = 150 }
        $sandbox.Sandbox.Faults.Options.Rules[0].FixedLatency | Should -Be ([timespan]::FromMilliseconds(150))
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript({
                param($manifest, $p)
                Import-Module $manifest
                Connect-ZoomHub @p
                Initialize-ZoomHubSchema | Out-Null
                Sync-ZoomWebinarToHubSpot -WebinarId 89100000001
            }).AddArgument((Get-ModuleManifestPath)).AddArgument($sandbox.ConnectParameters)
            $handle = $ps.BeginInvoke()
            $deadline = [DateTime]::UtcNow.AddSeconds(30)
            while ((Get-WriteCount $sandbox) -lt 12 -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 50 }
            Get-WriteCount $sandbox | Should -BeGreaterOrEqual 12
            $watch = [System.Diagnostics.Stopwatch]::StartNew()
            $ps.Stop()
            $watch.Stop()
            $stopped = $sandbox.Sandbox.Clock.GetUtcNow()
            $watch.Elapsed.TotalSeconds | Should -BeLessThan 2
            Start-Sleep -Milliseconds 1500
            # Requests sent before Stop() may still be answered (the sandbox delays each by 150 ms); none may arrive after it.
            $late = @($sandbox.Sandbox.Journal.Entries | Where-Object { $_.At -gt $stopped.AddMilliseconds(100) })
            ($late | ForEach-Object { "$($_.At.ToString('HH:mm:ss.fff')) $($_.Method) $($_.Route)" }) -join '; ' | Should -BeNullOrEmpty -Because "Stop() returned at $($stopped.ToString('HH:mm:ss.fff'))"
        }
        finally { $ps.Dispose(); $sandbox | Stop-ZoomHubSandbox }
    }
}

Describe 'Bad input, named precisely' {
    BeforeAll {
        Connect-ZoomHub -Sandbox -Scenario demo
        $bad = Join-Path ([IO.Path]::GetTempPath()) "zoomhub-bad-input-$([guid]::NewGuid()).json"
        Set-Content -Path $bad -Value '{ "now": "2026-11-20T12:00:00Z", "zoom": { "users": "nobody" } }'
        $semicolon = "Email;FirstName`nsemi@example.org;Semi" | ConvertFrom-Csv
        # What the user does, the error id it must get, and words the message must contain (the input and the fix).
        $cases = @(
            @{ Name = 'a string piped to Add-ZoomWebinarRegistrant'; Id = 'ZoomHubInvalidInput'; Words = "value 'text@example.org'", 'Import-Csv'; Run = { 'text@example.org' | Add-ZoomWebinarRegistrant -WebinarId 86789012345 } }
            @{ Name = 'a number piped to Add-ZoomWebinarRegistrant'; Id = 'ZoomHubInvalidInput'; Words = "value '42'"; Run = { 42 | Add-ZoomWebinarRegistrant -WebinarId 86789012345 } }
            @{ Name = 'an object without Email'; Id = 'ZoomHubInvalidInput'; Words = "'Mail'", 'Email column'; Run = { [pscustomobject] @{ Mail = 'm@example.org' } | Add-ZoomWebinarRegistrant -WebinarId 86789012345 } }
            @{ Name = 'a hashtable without Email'; Id = 'ZoomHubInvalidInput'; Words = "'Mail'"; Run = { @{ Mail = 'm@example.org' } | Add-ZoomWebinarRegistrant -WebinarId 86789012345 } }
            @{ Name = "a ';'-separated CSV row"; Id = 'ZoomHubInvalidInput'; Words = "'Email;FirstName'", "Import-Csv -Delimiter ';'"; Run = { $semicolon | Add-ZoomWebinarRegistrant -WebinarId 83456789012 } }
            @{ Name = 'a string piped to Add-HubSpotContactToWebinar -WebinarIdProperty'; Id = 'ZoomHubInvalidInput'; Words = '-Email'; Run = { 'x@example.org' | Add-HubSpotContactToWebinar -WebinarIdProperty requested_webinar } }
            @{ Name = 'an empty Email column'; Id = 'ZoomRegistrationFailed'; Words = 'has no email', "Import-Csv -Delimiter ';'"; Run = { [pscustomobject] @{ Email = ''; FirstName = 'E' } | Add-ZoomWebinarRegistrant -WebinarId 86789012345 } }
            @{ Name = 'a webinar id with letters'; Id = 'ZoomHubInvalidWebinarId'; Words = "'81-23-abc'", '812 3456 7890'; Run = { Add-ZoomWebinarRegistrant -WebinarId '81-23-abc' -Email a@example.org -FirstName A } }
            @{ Name = 'a negative webinar id to a read'; Id = 'ZoomHubInvalidWebinarId'; Words = "'-81234567890'", '812 3456 7890'; Run = { Get-ZoomWebinarInstance -WebinarId -81234567890 } }
            @{ Name = 'a negative webinar id to the sync'; Id = 'ZoomHubInvalidWebinarId'; Words = "'-81234567890'"; Run = { Sync-ZoomWebinarToHubSpot -WebinarId -81234567890 -WhatIf } }
            @{ Name = 'an email of one non-breaking space'; Id = 'ZoomHubInvalidInput'; Words = 'U+00A0'; Run = { Get-HubSpotContact -Email ([string][char]0x00A0) } }
            @{ Name = 'an email of spaces'; Id = 'ZoomHubInvalidInput'; Words = 'only white space'; Run = { Get-HubSpotContact -Email '   ' } }
            @{ Name = 'a malformed scenario file'; Id = 'ZoomHubInvalidScenario'; Words = 'line 1', '$.zoom.users'; Run = { Connect-ZoomHub -Sandbox -Scenario $bad } }
            @{ Name = 'a scenario file that is not there'; Id = 'ZoomHubInvalidScenario'; Words = 'was not found'; Run = { Connect-ZoomHub -Sandbox -Scenario ./no/such/scenario.json } }
            @{ Name = 'an unknown -Generate option'; Id = 'ZoomHubInvalidArgument'; Words = "'Registrant'", 'Registrants'; Run = { Start-ZoomHubSandbox -Generate @{ Registrant = 5 } } }
            @{ Name = 'a -Generate value of the wrong type'; Id = 'ZoomHubInvalidArgument'; Words = "'Registrants'", "'many'"; Run = { Start-ZoomHubSandbox -Generate @{ Registrants = 'many' } } }
            @{ Name = 'a -Fault hashtable of the wrong shape'; Id = 'ZoomHubInvalidArgument'; Words = '$.rules'; Run = { Start-ZoomHubSandbox -Fault @{ rules = 'all' } } }
        )
    }

    AfterAll { Remove-Item $bad -ErrorAction SilentlyContinue; Connect-ZoomHub -Sandbox -Scenario demo }

    It 'gives every bad input its own id and a message that names it and the fix' {
        $clear = 0
        # Each case's first error, terminating or not (whatever preference the runner set).
        $ErrorActionPreference = 'Stop'
        $problems = foreach ($case in $cases) {
            $errors = @()
            try { $null = & $case.Run 2>$null } catch { $errors += $_ }
            $first = $errors | Select-Object -First 1
            $text = "$first"
            $missing = @($case.Words | Where-Object { $text.IndexOf($_, [StringComparison]::Ordinal) -lt 0 })
            if ($first -and $first.FullyQualifiedErrorId -like "$($case.Id),*" -and $missing.Count -eq 0 -and ($case.Id -ne 'ZoomHubInvalidInput' -or $text -notmatch 'last_name')) { $clear++ }
            else { "$($case.Name): got '$($first.FullyQualifiedErrorId)' '$text'" }
        }
        Write-Host "| bad inputs | cmdlets | clear $clear / $($cases.Count) |"
        $problems | Should -BeNullOrEmpty
    }
}

