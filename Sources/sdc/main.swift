import SDCCLI

await SDC.runAsMain()
