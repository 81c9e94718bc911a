BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-ModuleManifestPath) -Force
}

Describe 'Connect-ZoomHub -Sandbox' {
    AfterEach { Disconnect-ZoomHub -ErrorAction SilentlyContinue }

    It 'connects, becomes the session default and shows ids, URIs and token expiry' {
        Connect-ZoomHub -Sandbox -Scenario demo
        $c = Get-ZoomHubConnection
        $c | Should -Not -BeNullOrEmpty
        $c.Info.IsSandbox | Should -BeTrue
        $c.Info.ZoomAccountId | Should -Not -BeNullOrEmpty
        $c.Info.HubSpotPortalId | Should -BeGreaterThan 0
        $c.Info.ZoomApiBaseUri | Should -Not -BeNullOrEmpty
        $c.Info.ZoomTokenExpiresAt | Should -BeGreaterThan ([datetimeoffset]::UtcNow.AddYears(-1))
    }

    It 'writes nothing without -PassThru and returns the connection with it' {
        Connect-ZoomHub -Sandbox | Should -BeNullOrEmpty
        $c = Connect-ZoomHub -Sandbox -PassThru
        $c.GetType().FullName | Should -Be 'ZoomHubPS.Core.ZoomHubConnection'
        $c | Should -Be (Get-ZoomHubConnection)
    }

    It 'fails with a clear error for an unknown scenario' {
        { Connect-ZoomHub -Sandbox -Scenario 'no-such-scenario' -ErrorAction Stop } | Should -Throw '*no-such-scenario*'
    }

    It 'formats the connection without secrets' {
        $text = Connect-ZoomHub -Sandbox -PassThru | Format-List | Out-String
        $text | Should -Match 'ZoomAccountId'
        $text | Should -Match 'HubSpotPortalId'
    }
}

Describe 'Without a connection' {
    AfterEach { Disconnect-ZoomHub -ErrorAction SilentlyContinue }

    It 'Get-ZoomHubConnection writes ZoomHubNotConnected' {
        Disconnect-ZoomHub
        Get-ZoomHubConnection -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -BeExactly 'ZoomHubNotConnected,ZoomHubPS.Commands.GetZoomHubConnectionCommand'
        $err[0].Exception.Message | Should -Match 'Run Connect-ZoomHub first'
    }

    It 'Disconnect-ZoomHub twice is not an error' {
        { Disconnect-ZoomHub -ErrorAction Stop; Disconnect-ZoomHub -ErrorAction Stop } | Should -Not -Throw
    }
}

Describe 'Connect-ZoomHub failures name the side and the reason' {
    It 'reports an unreachable Zoom host as a Zoom connection error' {
        $cred = [pscredential]::new('client-id', (ConvertTo-SecureString 'not-a-real-secret' -AsPlainText -Force))
        $token = ConvertTo-SecureString 'pat-na1-not-real' -AsPlainText -Force
        $err = $null
        try {
            Connect-ZoomHub -AccountId 'acct' -ClientCredential $cred -HubSpotToken $token -ZoomOAuthUri 'http://127.0.0.1:9/' -ZoomApiUri 'http://127.0.0.1:9/v2/' -HubSpotUri 'http://127.0.0.1:9/' -ErrorAction Stop
        }
        catch { $err = $_ }
        $err | Should -Not -BeNullOrEmpty
        $err.FullyQualifiedErrorId | Should -BeLike 'ZoomConnectFailed,*'
        $err.CategoryInfo.Category | Should -Be 'ConnectionError'
        "$err" | Should -Match 'Zoom'
        "$err" | Should -Not -Match 'not-a-real-secret'
    }
}

Describe 'Start-ZoomHubSandbox -Fault' {
    It 'injects the faults it is given and the module retries through them' {
        $fault = @{ rules = @(@{ route = 'GET /account-info/v3/details'; kind = 'serverError'; status = 503; times = 1 }) } | ConvertTo-Json -Depth 5
        $sandbox = Start-ZoomHubSandbox -Fault $fault -NoLimits
        try {
            $params = $sandbox.ConnectParameters
            $c = Connect-ZoomHub @params -PassThru
            $c.Info.HubSpotPortalId | Should -BeGreaterThan 0
            @($sandbox.Sandbox.Journal.Entries | Where-Object { $_.Status -eq 503 }).Count | Should -Be 1
        }
        finally {
            Disconnect-ZoomHub -ErrorAction SilentlyContinue
            $sandbox | Stop-ZoomHubSandbox
        }
    }

    It 'rejects fault JSON it cannot read, naming -Fault' {
        { Start-ZoomHubSandbox -Fault '{"rules":[{"kind":"explode"}]}' -ErrorAction Stop } | Should -Throw '*-Fault*'
    }

    It 'rejects a wrong shape it used to ignore, naming the key path' {
        $err = $null
        try { Start-ZoomHubSandbox -Fault '{"rules":"all"}' -ErrorAction Stop } catch { $err = $_ }
        $err | Should -Not -BeNullOrEmpty
        $err.FullyQualifiedErrorId | Should -BeLike 'ZoomHubInvalidArgument,*'
        "$err" | Should -BeLike '*$.rules must be a list of rule objects*'
    }

    It 'loses the reply of a write that landed' {
        $fault = @{ rules = @(@{ route = 'POST /crm/v3/objects/contacts'; kind = 'lostReply'; reply = '502'; times = 1 }) } | ConvertTo-Json -Depth 5
        $sandbox = Start-ZoomHubSandbox -Fault $fault -NoLimits
        try {
            $token = $sandbox.Sandbox.Credentials.HubSpotToken
            $answer = Invoke-WebRequest -Uri "$($sandbox.HubSpotUri)crm/v3/objects/contacts" -Method Post -SkipHttpErrorCheck `
                -Headers @{ Authorization = "Bearer $token" } -ContentType 'application/json' -Body '{"properties":{"email":"lost@example.com"}}'
            $answer.StatusCode | Should -Be 502
            $sandbox.Sandbox.HubSpot.ContactByEmail('lost@example.com', $false) | Should -Not -BeNullOrEmpty
            @($sandbox.Sandbox.Journal.Entries | Where-Object ReplyLost).Count | Should -Be 1
        }
        finally {
            $sandbox | Stop-ZoomHubSandbox
        }
    }
}

Describe 'Built-in scenarios anchored to today' {
    It 'starts the demo on the current date with its upcoming webinars ahead' {
        $sandbox = Start-ZoomHubSandbox -Scenario demo -NoLimits
        try {
            $now = $sandbox.Sandbox.Clock.GetUtcNow()
            $now.UtcDateTime.Date | Should -BeIn @([datetime]::UtcNow.Date, [datetime]::UtcNow.Date.AddDays(-1))
            $sandbox.Sandbox.Zoom.Webinar(83456789012).StartTime | Should -BeGreaterThan $now
        }
        finally {
            $sandbox | Stop-ZoomHubSandbox
        }
    }
}

Describe 'Several connections, like Get-AzContext -ListAvailable' {
    BeforeEach { Get-ZoomHubConnection -ListAvailable | Disconnect-ZoomHub }
    AfterEach { Get-ZoomHubConnection -ListAvailable | Disconnect-ZoomHub }

    It 'lists every open connection, oldest first, with the default marked' {
        $first = Connect-ZoomHub -Sandbox -Name 'first' -PassThru
        $second = Connect-ZoomHub -Sandbox -Scenario empty -Name 'second' -PassThru
        $all = @(Get-ZoomHubConnection -ListAvailable)
        $all.Count | Should -Be 2
        $all.Info.Name | Should -Be @('first', 'second')
        $all.IsDefault | Should -Be @($false, $true)
        (Get-ZoomHubConnection).Info.Name | Should -Be 'second'
        $text = $all | Out-String -Width 80
        $text | Should -Match 'Default'
        $first | Disconnect-ZoomHub
        (Get-ZoomHubConnection -ListAvailable).Info.Name | Should -Be 'second'
    }

    It 'a disconnected connection cannot be used again' {
        $c = Connect-ZoomHub -Sandbox -PassThru
        Disconnect-ZoomHub -Connection $c
        $c.Info.IsClosed | Should -BeTrue
        { Get-ZoomWebinar -WebinarId 81234567890 -Connection $c -ErrorAction Stop } | Should -Throw -ErrorId 'ZoomHubConnectionClosed,ZoomHubPS.Commands.GetZoomWebinarCommand'
        { Get-ZoomHubConnection -ErrorAction Stop } | Should -Throw -ErrorId 'ZoomHubNotConnected,*'
    }
}

Describe 'Parallel runspaces' {
    BeforeAll { $manifest = Get-ModuleManifestPath }
    AfterEach { Get-ZoomHubConnection -ListAvailable | Disconnect-ZoomHub }

    It 'ForEach-Object -Parallel reaches the session''s connection' {
        Connect-ZoomHub -Sandbox
        $topics = 81234567890, 83456789012 | ForEach-Object -Parallel {
            Import-Module $using:manifest
            (Get-ZoomWebinar -WebinarId $_).Topic
        } -ThrottleLimit 2
        $topics | Sort-Object | Should -Be @('Quarterly product update', 'Security deep dive')
    }

    It 'Start-ThreadJob reaches it too, and -Connection $using:c picks one explicitly' {
        $c = Connect-ZoomHub -Sandbox -PassThru
        $job = Start-ThreadJob -ScriptBlock { Import-Module $using:manifest; (Get-ZoomWebinar -WebinarId 81234567890).Topic }
        $job | Wait-Job -Timeout 60 | Receive-Job | Should -Be 'Quarterly product update'
        $job = Start-ThreadJob -ScriptBlock { Import-Module $using:manifest; (Get-ZoomWebinar -WebinarId 81234567890 -Connection $using:c).Id }
        $job | Wait-Job -Timeout 60 | Receive-Job | Should -Be 81234567890
    }

    It 'does not guess between different defaults of different runspaces, and says to pass -Connection $using:c' {
        Connect-ZoomHub -Sandbox
        $other = [powershell]::Create()
        $null = $other.AddScript({ param($m) Import-Module $m; Connect-ZoomHub -Sandbox -Scenario empty }).AddArgument($manifest).Invoke()
        try {
            $err = $null
            $job = Start-ThreadJob -ScriptBlock { Import-Module $using:manifest; try { Get-ZoomWebinar -All -ErrorAction Stop } catch { $_ } }
            $err = $job | Wait-Job -Timeout 60 | Receive-Job
            $err.FullyQualifiedErrorId | Should -BeLike 'ZoomHubNotConnected,*'
            "$err" | Should -Match '-Connection \$using:c'
        }
        finally { $other.Dispose() }
    }

    It 'Disconnect-ZoomHub in a parallel runspace leaves the session''s connection open' {
        Connect-ZoomHub -Sandbox
        $job = Start-ThreadJob -ScriptBlock { Import-Module $using:manifest; Disconnect-ZoomHub }
        $job | Wait-Job -Timeout 60 | Receive-Job
        (Get-ZoomHubConnection).Info.IsClosed | Should -BeFalse
    }
}

Describe 'Granted scopes' {
    AfterEach { Get-ZoomHubConnection -ListAvailable | Disconnect-ZoomHub }

    It 'warns at connect, per cmdlet, about the scopes a read-only HubSpot token and a webinar:read Zoom app lack' {
        $file = New-ZoomHubTestScenario -Path (Join-Path $TestDrive 'scopes.json') -ZoomScopes 'webinar:read:admin', 'user:read:admin' -HubSpotScopes 'crm.objects.contacts.read'
        $c = Connect-ZoomHub -Sandbox -Scenario $file -PassThru -WarningVariable warnings -WarningAction SilentlyContinue
        $warnings.Count | Should -Be 2
        $hubSpot = "$($warnings | Where-Object { "$_" -like 'The HubSpot token*' })"
        $hubSpot | Should -Match 'Sync-ZoomWebinarToHubSpot \(crm\.objects\.contacts\.write'
        $hubSpot | Should -Match 'crm\.objects\.marketing_events\.write'
        $hubSpot | Should -Match 'Initialize-ZoomHubSchema \(crm\.schemas\.contacts\.read, crm\.schemas\.contacts\.write\)'
        $hubSpot | Should -Not -Match 'Get-HubSpotContact \(crm\.objects\.contacts\.read'
        $zoom = "$($warnings | Where-Object { "$_" -like 'The Zoom app*' })"
        $zoom | Should -Match 'Add-ZoomWebinarRegistrant \(webinar:write:registrant:admin, webinar:write:batch_registrants:admin\)'
        $zoom | Should -Not -Match 'Sync-ZoomWebinarToHubSpot'
        $c.Info.MissingScopes | Should -Contain 'Sync-ZoomWebinarToHubSpot: HubSpot crm.objects.contacts.write'
        $c.Info.HubSpotScopes | Should -Be 'crm.objects.contacts.read'
        $c.Info.ZoomScopes | Should -Be 'webinar:read:admin user:read:admin'
    }

    It 'says nothing when both sides have what every cmdlet needs, and names the scopes a refused write needed' {
        $c = Connect-ZoomHub -Sandbox -PassThru -WarningVariable warnings
        $warnings | Should -BeNullOrEmpty
        $c.Info.MissingScopes | Should -BeNullOrEmpty
        $c.Info.HubSpotScopes | Should -Match 'crm\.objects\.marketing_events\.write'

        $file = New-ZoomHubTestScenario -Path (Join-Path $TestDrive 'readonly.json') -HubSpotScopes 'crm.objects.contacts.read', 'crm.schemas.contacts.read'
        Connect-ZoomHub -Sandbox -Scenario $file -WarningAction SilentlyContinue
        $err = $null
        try { Initialize-ZoomHubSchema -ErrorAction Stop } catch { $err = $_ }
        "$($err.ErrorDetails.Message) $($err.Exception.Message)" | Should -Match 'crm\.schemas\.contacts\.write'
    }
}
