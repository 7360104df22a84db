import SDCCLI

SDC.runAsMain()
