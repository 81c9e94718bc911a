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
