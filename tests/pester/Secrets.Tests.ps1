# Secrets never reach output, verbose/debug streams, error records or files. Uses a loopback sandbox so the test
# knows the exact secret values the connection carries.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-ModuleManifestPath) -Force
    $sandbox = Start-ZoomHubSandbox -Port 0 -NoLimits
    $secret = $sandbox.ZoomClientCredential.GetNetworkCredential().Password
    $hubSpotToken = [pscredential]::new('x', $sandbox.HubSpotToken).GetNetworkCredential().Password
}

AfterAll {
    Disconnect-ZoomHub -ErrorAction SilentlyContinue
    Stop-ZoomHubSandbox -ErrorAction SilentlyContinue
}

Describe 'Secrets stay secret' {
    It 'never appear in a transcript of connect/get with -Verbose -Debug, nor in the objects' {
        $transcript = Join-Path ([System.IO.Path]::GetTempPath()) "zoomhub-transcript-$([guid]::NewGuid()).txt"
        $DebugPreference = 'Continue'
        Start-Transcript -Path $transcript | Out-Null
        try {
            $params = $sandbox.ConnectParameters
            $c = Connect-ZoomHub @params -PassThru -Verbose -Debug
            Get-ZoomHubConnection -Verbose -Debug | Format-List * -Force | Out-String | Write-Host
            $c | Format-List | Out-String | Write-Host
            $c.Info | Format-List * | Out-String | Write-Host
            "$c" | Write-Host
            $c | ConvertTo-Json -Depth 4 -WarningAction SilentlyContinue | Write-Host
        }
        finally {
            Stop-Transcript | Out-Null
            $DebugPreference = 'SilentlyContinue'
        }
        $text = Get-Content $transcript -Raw
        Remove-Item $transcript
        $text | Should -Match ([regex]::Escape($sandbox.ZoomAccountId))
        $text | Should -Not -Match ([regex]::Escape($secret))
        $text | Should -Not -Match ([regex]::Escape($hubSpotToken))
    }

    It 'never appear in the error of a rejected secret' {
        $bad = [pscredential]::new($sandbox.ZoomClientCredential.UserName, (ConvertTo-SecureString 'wrong-secret-value-123' -AsPlainText -Force))
        $err = $null
        try {
            Connect-ZoomHub -AccountId $sandbox.ZoomAccountId -ClientCredential $bad -HubSpotToken $sandbox.HubSpotToken -ZoomOAuthUri $sandbox.ZoomOAuthUri -ZoomApiUri $sandbox.ZoomApiUri -HubSpotUri $sandbox.HubSpotUri -ErrorAction Stop
        }
        catch { $err = $_ }
        $err | Should -Not -BeNullOrEmpty
        $err.FullyQualifiedErrorId | Should -BeLike 'ZoomConnectFailed,*'
        $err.CategoryInfo.Category | Should -Be 'AuthenticationError'
        $all = ($err | Format-List * -Force | Out-String) + ($err.Exception | Format-List * -Force | Out-String) + "$($err.ErrorDetails)"
        $all | Should -Not -Match 'wrong-secret-value-123'
        $all | Should -Not -Match ([regex]::Escape($hubSpotToken))
    }

    It 'reports a rejected HubSpot token as a HubSpot error' {
        $params = $sandbox.ConnectParameters
        $params.HubSpotToken = ConvertTo-SecureString 'pat-na1-wrong-token-456' -AsPlainText -Force
        $err = $null
        try { Connect-ZoomHub @params -ErrorAction Stop } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -BeLike 'HubSpotConnectFailed,*'
        "$err" | Should -Match 'HubSpot'
        ($err | Format-List * -Force | Out-String) | Should -Not -Match 'pat-na1-wrong-token-456'
    }
}
